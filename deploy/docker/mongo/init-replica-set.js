// Initiates the replica set rs0 of docker-compose's three MongoDB members once, then waits for a
// primary (run by the one-shot service `mongo-init`; rerunning it is harmless).
const config = {
  _id: "rs0",
  members: [
    { _id: 0, host: "mongo-1:27017" },
    { _id: 1, host: "mongo-2:27017" },
    { _id: 2, host: "mongo-3:27017" },
  ],
};

try {
  rs.status();
  print("replica set rs0 already initiated");
} catch (e) {
  if (e.codeName !== "NotYetInitialized") {
    throw e;
  }
  rs.initiate(config);
  print("replica set rs0 initiated");
}

for (let attempt = 0; attempt < 120; attempt++) {
  if (rs.status().members.some((member) => member.stateStr === "PRIMARY")) {
    print("replica set rs0 has a primary");
    quit(0);
  }
  sleep(1000);
}
print("no primary elected in rs0 after 120 s");
quit(1);
