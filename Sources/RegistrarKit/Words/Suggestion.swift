/// The word a person probably meant when they mistyped one: `reprot` → `report`.
public enum Suggestion {
    /// The closest of `candidates` to `typed`, when it is close enough to be a typo: at most one
    /// edit for words of up to four letters, two for longer ones (a swap of two neighbours is one).
    public static func closest(to typed: String, in candidates: [String]) -> String? {
        let limit = typed.count <= 4 ? 1 : 2
        let scored = candidates.map { (candidate: $0, distance: distance(typed.lowercased(), $0.lowercased())) }
            .filter { $0.distance <= limit }
        return scored.min { $0.distance < $1.distance }?.candidate
    }

    /// Edits between two words (insert, delete, substitute, or swap two neighbours): the optimal
    /// string alignment distance.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
