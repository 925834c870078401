import Foundation
import GRDB
import RegistrarModel
import RegistrarInput

/// A first import's identity-number index, built once the rows are in rather than row by row.
///
/// Into an empty registry, a million rows inserted into `member_identity` one at a time land at
/// random places in a B-tree four times the size of the import's page cache: about a fifth of the
/// import, where SQLite builds the same index from the finished table with one sort in about a
/// second. So a first import drops the index inside its transaction and builds it at the end.
///
/// The index also refuses a second member with the same identity number, which the import relies on
/// to send such a row down the look-up path ("the same member appears again"). While the index is
/// away, a set of the identities inserted so far stands in for it: the first row whose identity the
/// set may already hold has the index built before it is inserted or looked up, and the rest of the
/// import goes on with the index in place, exactly as it would have from the start. The set only
/// ever errs towards building early (two identities sharing a 64-bit hash, or the set full), never
/// towards letting a duplicate in or missing a member.
final class IdentityIndexDeferral {
    static let indexName = "member_identity"

    private let db: Database
    private let index: DroppedSchemaObject
    private var identities: FingerprintSet?
    /// The import's page cache, given back when the index is built.
    private let cacheSize: Int
    /// The page cache while the set holds its memory (up to 8 MiB). A sorted million-row roster
    /// imported as fast with 4 MiB as with 12, since without the index its writes are sequential;
    /// an unsorted one needed cache for the member-number index (18–20 s with 12 MiB, 21–26 s with 8,
    /// 26 s with 4). The rows now always come in member-number order (`RecordOrder`), whose 8 bytes
    /// a row took a shuffled million-row first import to 64.9 MiB with 8: so 4.
    private static let cacheKiB = 4096

    /// Drops the index for the rest of the transaction; nil, dropping nothing, when the registry has
    /// no such index to drop.
    /// - Parameter fileSize: the roster's size in bytes, from which the set is sized.
    init?(_ db: Database, fileSize: Int) throws {
        guard let index = try DroppedSchemaObject(db, .index, named: IdentityIndexDeferral.indexName) else { return nil }
        self.db = db
        self.index = index
        cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -IdentityIndexDeferral.cacheKiB
        // A row with an identity number takes at least 32 bytes of the file (the number alone is 18):
        // the set is at most half full when the rows are in, unless it reached its largest size.
        identities = FingerprintSet(slotsFor: fileSize / 32)
        let cacheKiB = cacheSize < 0 ? min(IdentityIndexDeferral.cacheKiB, -cacheSize) : IdentityIndexDeferral.cacheKiB
        try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)")
    }

    /// A row's identity as the set keeps it: a 64-bit hash of its number and type.
    static func fingerprint(of storage: MemberValues.Storage) -> UInt64? {
        guard let number = storage.text(.idNumber) else { return nil }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(start: number.pointer, count: number.count))
        hasher.combine(UInt8(0xFF)) // never a byte of UTF-8 text: "1" + "23" is not "12" + "3"
        if let type = storage.text(.idType) { hasher.combine(bytes: UnsafeRawBufferPointer(start: type.pointer, count: type.count)) }
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    /// Whether a member this import inserted may have this identity, so that the index must be built
    /// before the row is inserted or looked up; also true when the set has no room for another.
    func mayHold(_ fingerprint: UInt64) -> Bool {
        identities.map { $0.isFull || $0.contains(fingerprint) } ?? true
    }

    /// A member with this identity was inserted.
    func record(_ fingerprint: UInt64) {
        identities?.insert(fingerprint)
    }

    /// Builds the index over the rows inserted so far; the import then goes on with it in place.
    func build() throws {
        guard identities != nil else { return }
        identities = nil
        // Built with the smaller cache: SQLite sorts the index's entries in as much memory as the
        // cache may take, and with the import's whole cache it peaked at 62.9 MiB, with this 55.9.
        try index.create(db)
        try db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
    }
}

/// The 64-bit hashes of the identities inserted, kept in four bytes each: a table of 2^k slots
/// (open addressing, linear probing) where a hash's top k bits choose its home slot, and the slot
/// keeps the next 24 bits and how far from home it lies. Two hashes are taken for one when their top
/// k + 24 bits agree: at a million identities in 2^21 slots, about once in 30 million look-ups. So it
/// may answer yes for a hash it never saw, which costs the import only an early index build, and
/// never answers no for one it did.
final class FingerprintSet {
    private let slots: UnsafeMutableBufferPointer<UInt32>
    private let homeBits: Int
    private(set) var count = 0
    /// Three quarters of the slots, or a hash that found no free slot within 255 of its home.
    private(set) var isFull = false
    private let limit: Int

    /// Room for at least `expected` hashes at half load, at most 2^21 slots (8 MiB); the memory is
    /// mapped zeroed and becomes resident only as slots are written.
    init(slotsFor expected: Int) {
        var bits = 10
        while 1 << bits < 2 * expected && bits < 21 { bits += 1 }
        homeBits = bits
        let size = 1 << bits
        // Without the memory the set holds nothing and says it is full, so every row is looked up
        // with the index, as in a registry that was not empty.
        let memory = calloc(size, MemoryLayout<UInt32>.stride)?.bindMemory(to: UInt32.self, capacity: size)
        slots = UnsafeMutableBufferPointer(start: memory, count: memory == nil ? 0 : size)
        limit = memory == nil ? 0 : size / 4 * 3
        isFull = memory == nil
    }

    deinit { free(slots.baseAddress) }

    /// A slot's value for `hash` at `distance` from home: never zero, which marks an empty slot.
    private func entry(_ hash: UInt64, distance: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> (40 - homeBits)) << 8 | UInt32(distance + 1)
    }

    private func home(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> (64 - homeBits)) }

    func contains(_ hash: UInt64) -> Bool {
        let mask = slots.count - 1
        for distance in 0..<255 {
            let slot = slots[(home(hash) + distance) & mask]
            if slot == 0 { return false }
            if slot == entry(hash, distance: distance) { return true }
        }
        return true // not placed this far from home: had it been added, the set would be full
    }

    /// Adds `hash`; once the set is full it keeps what it has and adds nothing more.
    func insert(_ hash: UInt64) {
        guard !isFull else { return }
        let mask = slots.count - 1
        for distance in 0..<255 {
            let index = (home(hash) + distance) & mask
            let slot = slots[index]
            if slot == entry(hash, distance: distance) { return }
            if slot == 0 {
                slots[index] = entry(hash, distance: distance)
                count += 1
                isFull = count >= limit
                return
            }
        }
        isFull = true
    }
}
