// Compiles every .sol file of a folder with solc-js (standard JSON) into NAME.abi and NAME.bin.
// Usage: node compile-solidity.js SOURCE_DIR OUTPUT_DIR EVM_VERSION
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const [sourceDir, outputDir, evmVersion] = process.argv.slice(2);
const sources = {};
for (const file of fs.readdirSync(sourceDir).filter((f) => f.endsWith('.sol'))) {
  sources[file] = { content: fs.readFileSync(path.join(sourceDir, file), 'utf8') };
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion,
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);

fs.mkdirSync(outputDir, { recursive: true });
for (const file of Object.keys(output.contracts)) {
  for (const [name, contract] of Object.entries(output.contracts[file])) {
    fs.writeFileSync(path.join(outputDir, `${name}.abi`), JSON.stringify(contract.abi));
    fs.writeFileSync(path.join(outputDir, `${name}.bin`), contract.evm.bytecode.object);
    console.log(`compiled ${name} (${contract.evm.bytecode.object.length / 2} bytes, evm ${evmVersion}) with solc ${solc.version()}`);
  }
}
