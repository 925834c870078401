import GRDB
import RegistrarModel
import RegistrarInput

/// Every member's number and name, in the order a search lists them, held in memory by the web view
/// for searches of one or two characters.
///
/// A fragment that short is in no trigram of `member_name_fts`, so `NameSearch` reads and sorts the
/// whole member table: 0.2–0.4 s at a million members, for the searches Chinese names make most (a
/// surname, a two-character name). Here it is one pass over the names' bytes. The answer is exactly
/// `NameSearch`'s condition (`name LIKE '%q%' OR member_no LIKE 'q%'`: bytes, with ASCII letters in
/// either case), in the same order (`member_no IS NULL, member_no, id`); a store test holds the two
/// to the same pages.
///
/// A snapshot is of the registry as it was when read; whoever keeps one uses it only while nothing
/// has been committed since (the web view compares SQLite's `data_version`), and the rows shown are
/// read again and tested again in the search's own transaction.
public final class MemberNameSnapshot: Sendable {
    /// Fragments of at most this many characters are searched here; longer ones use the trigram index.
    public static let longestFragment = 2

    private let ids: [Int64]
    /// Names, then member numbers, with ASCII letters lower-cased, end to end; entry i's are
    /// `names[nameStarts[i]..<nameStarts[i + 1]]` and `numbers[numberStarts[i]..<numberStarts[i + 1]]`
    /// (empty for a member without a number).
    private let names: [UInt8]
    private let nameStarts: [Int32]
    private let numbers: [UInt8]
    private let numberStarts: [Int32]

    public var count: Int { ids.count }

    /// Reads every member: those with a number by the member-number index, then those without by id.
    static func read(_ db: Database) throws -> MemberNameSnapshot {
        var ids: [Int64] = [], names: [UInt8] = [], nameStarts: [Int32] = [0], numbers: [UInt8] = [], numberStarts: [Int32] = [0]
        for sql in ["SELECT id, member_no, name FROM member WHERE member_no IS NOT NULL ORDER BY member_no, id",
                    "SELECT id, member_no, name FROM member WHERE member_no IS NULL ORDER BY id"] {
            let statement = try FastStatement(db, sql: sql)
            statement.reset()
            while try statement.step() {
                ids.append(statement.int64(0))
                if let number = statement.bytes(1) { numbers.append(contentsOf: number.lazy.map(Self.asciiLower)) }
                if let name = statement.bytes(2) { names.append(contentsOf: name.lazy.map(Self.asciiLower)) }
                numberStarts.append(Int32(clamping: numbers.count))
                nameStarts.append(Int32(clamping: names.count))
            }
            statement.reset()
        }
        return MemberNameSnapshot(ids: ids, names: names, nameStarts: nameStarts, numbers: numbers, numberStarts: numberStarts)
    }

    private init(ids: [Int64], names: [UInt8], nameStarts: [Int32], numbers: [UInt8], numberStarts: [Int32]) {
        self.ids = ids
        self.names = names
        self.nameStarts = nameStarts
        self.numbers = numbers
        self.numberStarts = numberStarts
    }

    static func asciiLower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }

    /// Whether `fragment` is one this snapshot answers: one or two characters.
    public static func answers(_ fragment: String) -> Bool {
        (1...longestFragment).contains(fragment.unicodeScalars.count)
    }

    /// The ids of members `limit` at a time from `offset`, in the search's order, whose name holds
    /// `fragment` or whose number begins with it; and whether more follow.
    func matches(_ fragment: String, offset: Int, limit: Int) -> (ids: [Int64], hasMore: Bool) {
        let query = Array(fragment.utf8).map(Self.asciiLower)
        guard !query.isEmpty else { return ([], false) }
        var found: [Int64] = []
        var skipped = 0
        let wanted = limit + 1
        names.withUnsafeBufferPointer { names in
            numbers.withUnsafeBufferPointer { numbers in
                query.withUnsafeBufferPointer { query in
                    let first = query[0], length = query.count
                    func holds(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
                        var at = start
                        while at + length <= end {
                            if text[at] == first {
                                var same = true
                                var k = 1
                                while k < length { if text[at + k] != query[k] { same = false; break }; k += 1 }
                                if same { return true }
                            }
                            at += 1
                        }
                        return false
                    }
                    for index in 0..<ids.count {
                        let numberStart = Int(numberStarts[index]), numberEnd = Int(numberStarts[index + 1])
                        var hit = numberEnd - numberStart >= length
                        if hit {
                            for k in 0..<length where numbers[numberStart + k] != query[k] { hit = false; break }
                        }
                        if !hit { hit = holds(names, from: Int(nameStarts[index]), to: Int(nameStarts[index + 1])) }
                        guard hit else { continue }
                        if skipped < offset { skipped += 1; continue }
                        found.append(ids[index])
                        if found.count == wanted { return }
                    }
                }
            }
        }
        let hasMore = found.count > limit
        return (Array(found.prefix(limit)), hasMore)
    }
}

extension Registry {
    /// Every member's number and name as they are now (`MemberNameSnapshot`).
    public func memberNameSnapshot() throws -> MemberNameSnapshot {
        try read { db in try MemberNameSnapshot.read(db) }
    }
}
