// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Record ledger of one domain (patient or practitioner: one deployment each).
/// @notice Records live in transactions and event logs, not contract storage: instead of about 690 gas per stored
///         byte, a record costs its calldata (16 gas per non-zero byte) and, in the logged layout (storeBatch), about
///         8 more per byte for the RecordStored log; in the calldata layout (storeBatchInCalldata) the log carries
///         only a digest and the payload's position (docs/wire-format.md). Only writers may append.
contract RecordLedger {
    /// A sealed record: C2 and the key shares (see LedgerPayload), under the record id
    /// and a keyed pseudonym of the owner. Nothing else that identifies a person.
    event RecordStored(bytes16 indexed recordId, bytes32 indexed ownerPseudonym, bytes payload);

    /// A sealed record of the calldata layout: its payload is not logged, it is `payloads[position]` of the
    /// storeBatchInCalldata call of the same transaction, and `digest` is the keccak256 of that payload, computed
    /// on chain from the calldata (the writer cannot make it disagree). A reader fetches the transaction's input,
    /// takes payloads[position] and checks its keccak256 against `digest` before trusting a byte of it.
    event RecordInCalldata(
        bytes16 indexed recordId,
        bytes32 indexed ownerPseudonym,
        bytes32 digest,
        uint256 position
    );

    /// One chunk of a record whose payload is too large for one transaction (docs/large-records.md): the payload
    /// is cut into `count` consecutive chunks, chunk `index` (from 0) in its own transaction, and `digest` is the
    /// SHA-256 of the whole payload, which a reader checks after putting the chunks together in index order.
    event RecordChunkStored(
        bytes16 indexed recordId,
        bytes32 indexed ownerPseudonym,
        uint32 indexed index,
        uint32 count,
        bytes32 digest,
        bytes chunk
    );

    /// A tombstone: the record's keys were destroyed, so its payload is meaningless.
    event RecordErased(bytes16 indexed recordId, bytes32 indexed ownerPseudonym);

    /// K1 of one record rewrapped by the owner's client to a grantee; the grantee is named only by
    /// the grant id (the grant's parties stay off chain, in consent-service).
    event ShareGranted(bytes16 indexed grantId, bytes16 indexed recordId, bytes share);

    /// The owner revoked the grant: the vault releases nothing more under it.
    event GrantRevoked(bytes16 indexed grantId);

    /// The root of a Merkle tree (RFC 6962 over SHA-256) of a batch of audit events, which stay off chain: a
    /// patient's exported access history is checked against it. Indexed so an auditor finds a root by value.
    event AuditAnchored(bytes32 indexed root, uint32 leaves);

    event WriterAdded(address indexed writer);
    event WriterRemoved(address indexed writer);

    error NotAdmin();
    error NotWriter();
    error LengthMismatch();
    error ChunkOutOfRange();

    address public immutable admin;
    mapping(address => bool) public isWriter;

    constructor(address firstWriter) {
        admin = msg.sender;
        isWriter[firstWriter] = true;
        emit WriterAdded(firstWriter);
    }

    modifier onlyWriter() {
        if (!isWriter[msg.sender]) revert NotWriter();
        _;
    }

    function addWriter(address writer) external {
        if (msg.sender != admin) revert NotAdmin();
        isWriter[writer] = true;
        emit WriterAdded(writer);
    }

    function removeWriter(address writer) external {
        if (msg.sender != admin) revert NotAdmin();
        isWriter[writer] = false;
        emit WriterRemoved(writer);
    }

    /// Appends many records in one transaction (the writer packs a batch per call).
    function storeBatch(bytes16[] calldata recordIds, bytes32[] calldata ownerPseudonyms, bytes[] calldata payloads)
        external
        onlyWriter
    {
        uint256 count = recordIds.length;
        if (ownerPseudonyms.length != count || payloads.length != count) revert LengthMismatch();
        for (uint256 i = 0; i < count; ++i) {
            emit RecordStored(recordIds[i], ownerPseudonyms[i], payloads[i]);
        }
    }

    /// Appends many records in one transaction in the calldata layout: each payload stays in calldata only and
    /// its RecordInCalldata log carries its keccak256 and its index in `payloads`. The payload is copied to
    /// scratch memory above the free memory pointer (never advanced, so memory grows only to the largest payload)
    /// and hashed there.
    function storeBatchInCalldata(
        bytes16[] calldata recordIds,
        bytes32[] calldata ownerPseudonyms,
        bytes[] calldata payloads
    ) external onlyWriter {
        uint256 count = recordIds.length;
        if (ownerPseudonyms.length != count || payloads.length != count) revert LengthMismatch();
        for (uint256 i = 0; i < count; ++i) {
            bytes calldata payload = payloads[i];
            bytes32 digest;
            assembly ("memory-safe") {
                let scratch := mload(0x40)
                calldatacopy(scratch, payload.offset, payload.length)
                digest := keccak256(scratch, payload.length)
            }
            emit RecordInCalldata(recordIds[i], ownerPseudonyms[i], digest, i);
        }
    }

    /// Appends one chunk of a record too large for one transaction (a chunk fills a transaction of its own).
    function storeChunk(
        bytes16 recordId,
        bytes32 ownerPseudonym,
        uint32 index,
        uint32 count,
        bytes32 digest,
        bytes calldata chunk
    ) external onlyWriter {
        if (count < 2 || index >= count) revert ChunkOutOfRange();
        emit RecordChunkStored(recordId, ownerPseudonym, index, count, digest, chunk);
    }

    /// Records the grantees' key shares of many grants in one transaction.
    function grantBatch(bytes16[] calldata grantIds, bytes16[] calldata recordIds, bytes[] calldata shares)
        external
        onlyWriter
    {
        uint256 count = grantIds.length;
        if (recordIds.length != count || shares.length != count) revert LengthMismatch();
        for (uint256 i = 0; i < count; ++i) {
            emit ShareGranted(grantIds[i], recordIds[i], shares[i]);
        }
    }

    /// Records revocations.
    function revokeBatch(bytes16[] calldata grantIds) external onlyWriter {
        for (uint256 i = 0; i < grantIds.length; ++i) {
            emit GrantRevoked(grantIds[i]);
        }
    }

    /// Writes a tombstone per erased record.
    function eraseBatch(bytes16[] calldata recordIds, bytes32[] calldata ownerPseudonyms) external onlyWriter {
        uint256 count = recordIds.length;
        if (ownerPseudonyms.length != count) revert LengthMismatch();
        for (uint256 i = 0; i < count; ++i) {
            emit RecordErased(recordIds[i], ownerPseudonyms[i]);
        }
    }

    /// Anchors many audit batches' roots in one transaction.
    function anchorAudit(bytes32[] calldata roots, uint32[] calldata leaves) external onlyWriter {
        uint256 count = roots.length;
        if (leaves.length != count) revert LengthMismatch();
        for (uint256 i = 0; i < count; ++i) {
            emit AuditAnchored(roots[i], leaves[i]);
        }
    }
}
