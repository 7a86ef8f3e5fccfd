/// Disclosure control for published counts, as the GSS/ONS guidance on tables of small counts describes it:
/// **primary suppression** of counts from 1 to `minCount − 1` (and of zeros where they are not to be shown), then
/// **secondary suppression**, so that no suppressed count can be worked out from the counts that are shown and
/// the sums that tie them together (a breakdown and its total, quarters and their year to date, the same figure
/// in two dashboards). Pure arithmetic over cells and sums: no I/O.
///
/// What is guaranteed: after `protect`, no suppressed cell's value is fixed by the published cells and the sums
/// (`recoverable` is empty: checked by solving the linear system the sums make, not by a rule of thumb), given
/// that every count is a non-negative number. Not guaranteed: bounds narrower than the sums allow (a suppressed
/// 3 beside a suppressed 2 in a sum of 5 is known to be at most 5).
public struct DisclosureRule: Sendable, Equatable {
    /// Counts below this (and above zero) are suppressed: 5 suppresses 1 to 4.
    public var minCount: Int
    /// Zeros are shown, as DfE's statistics show them; false suppresses them with the small counts.
    public var showZero: Bool

    public init(minCount: Int, showZero: Bool = true) {
        self.minCount = minCount
        self.showZero = showZero
    }

    /// Whether the rule suppresses this count on its own.
    public func isSensitive(_ count: Double) -> Bool {
        if count == 0 { return !showZero }
        return count > 0 && count < Double(minCount)
    }

    /// How a suppressed cell reads: "fewer than 5" (said the same way for cells suppressed to protect others, so
    /// a reader cannot tell which were small).
    public var phrase: String { "fewer than \(minCount), or suppressed to protect such a count" }
}

/// Published counts keyed by `Key`, and the sums among them: each `Sum` says its total is the sum of its parts.
public struct DisclosureTable<Key: Hashable & Comparable & Sendable>: Sendable {
    public struct Sum: Sendable, Equatable {
        public var total: Key
        public var parts: [Key]

        public init(total: Key, parts: [Key]) {
            self.total = total
            self.parts = parts
        }

        var cells: [Key] { parts + [total] }
    }

    /// Every published count.
    public var counts: [Key: Double]
    public var sums: [Sum]

    public init(counts: [Key: Double], sums: [Sum] = []) {
        self.counts = counts
        // A sum over a cell that is not published ties nothing: it is left out.
        self.sums = sums.filter { sum in sum.cells.allSatisfy { counts[$0] != nil } }
    }

    /// The cells the rule suppresses on their own.
    public func primary(_ rule: DisclosureRule) -> Set<Key> {
        Set(counts.filter { rule.isSensitive($0.value) }.keys)
    }

    /// Primary suppression, then secondary until no suppressed cell can be recovered: while solving the sums
    /// fixes a suppressed cell (as a sum with only one suppressed cell does at once), the smallest count shown in
    /// a sum holding such a cell is suppressed too: a part before the total, a non-zero count before a zero, then by key,
    /// so the same figures are always suppressed the same way. Where no such count is left, every cell of the
    /// sums holding it is suppressed.
    ///
    /// The sums fall apart into groups that share no cell (each period's breakdown, say); each group is solved
    /// on its own, so the work grows with the largest group, not with the dashboard.
    public func protect(_ rule: DisclosureRule) -> Set<Key> {
        var suppressed = primary(rule)
        guard !suppressed.isEmpty else { return suppressed }
        for group in groups() where group.counts.keys.contains(where: suppressed.contains) {
            suppressed.formUnion(group.secondary(suppressed.filter { group.counts[$0] != nil }))
        }
        return suppressed
    }

    /// Secondary suppression within one table, from these suppressed cells.
    func secondary(_ primary: Set<Key>) -> Set<Key> {
        var suppressed = primary
        // Each round suppresses at least one more cell, so it ends within the number of cells.
        for _ in 0...counts.count {
            let exposed = recoverable(suppressed).sorted()
            guard !exposed.isEmpty else { break }
            if let next = companion(for: exposed, suppressed: suppressed) {
                suppressed.insert(next)
            } else {
                for sum in sums where sum.cells.contains(where: exposed.contains) { suppressed.formUnion(sum.cells) }
                break
            }
        }
        return suppressed
    }

    /// The tables of cells that the sums tie together, each with its own sums (cells in no sum are left out:
    /// nothing can give them away).
    func groups() -> [DisclosureTable] {
        var parent: [Key: Key] = [:]
        func root(_ key: Key) -> Key {
            var key = key
            while let up = parent[key], up != key { key = up }
            return key
        }
        for sum in sums {
            for cell in sum.cells where parent[cell] == nil { parent[cell] = cell }
            let first = root(sum.total)
            for cell in sum.parts {
                let other = root(cell)
                if other != first { parent[other] = first }
            }
        }
        var cells: [Key: [Key]] = [:]
        for cell in parent.keys { cells[root(cell), default: []].append(cell) }
        var sumsByRoot: [Key: [Sum]] = [:]
        for sum in sums { sumsByRoot[root(sum.total), default: []].append(sum) }
        return cells.keys.sorted().map { top in
            DisclosureTable(
                counts: Dictionary(uniqueKeysWithValues: cells[top]!.map { ($0, counts[$0]!) }), sums: sumsByRoot[top] ?? [])
        }
    }

    /// The cell to suppress next: the smallest count shown in a sum that holds one of the exposed cells.
    func companion(for exposed: [Key], suppressed: Set<Key>) -> Key? {
        var best: (rank: (Int, Int, Double), key: Key)?
        for sum in sums where sum.cells.contains(where: exposed.contains) {
            for candidate in sum.cells where !suppressed.contains(candidate) {
                let value = counts[candidate] ?? 0
                let rank = (candidate == sum.total ? 1 : 0, value == 0 ? 1 : 0, value)
                if let current = best, current.rank < rank || (current.rank == rank && current.key <= candidate) { continue }
                best = (rank, candidate)
            }
        }
        return best?.key
    }

    /// The suppressed cells whose value the published cells and the sums fix: each sum is an equation in the
    /// suppressed cells, and a cell is fixed when the equations' reduced row echelon form has a row that is that
    /// cell alone; a sum whose suppressed parts must add up to zero fixes each of them at zero.
    public func recoverable(_ suppressed: Set<Key>) -> Set<Key> {
        let unknowns = suppressed.sorted()
        let column = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($0.element, $0.offset) })
        var rows: [[Double]] = []
        var fixed = Set<Key>()
        for sum in sums {
            var row = [Double](repeating: 0, count: unknowns.count)
            var shown = 0.0
            for part in sum.parts {
                if let c = column[part] { row[c] += 1 } else { shown += counts[part] ?? 0 }
            }
            if let c = column[sum.total] { row[c] -= 1 } else { shown -= counts[sum.total] ?? 0 }
            guard row.contains(where: { $0 != 0 }) else { continue }
            // Non-negative parts adding up to what is left of a shown total: zero left means every one is zero.
            if column[sum.total] == nil, abs(shown) < 1e-9 { fixed.formUnion(sum.parts.filter(suppressed.contains)) }
            rows.append(row)
        }
        for row in Self.reducedRowEchelon(rows) {
            let nonZero = row.indices.filter { abs(row[$0]) > 1e-9 }
            if nonZero.count == 1 { fixed.insert(unknowns[nonZero[0]]) }
        }
        return fixed
    }

    /// Gauss–Jordan elimination with partial pivoting; counts are whole numbers and the sums' coefficients ±1, so
    /// a tolerance of 1e-9 tells zero from not.
    static func reducedRowEchelon(_ input: [[Double]]) -> [[Double]] {
        var rows = input
        guard let width = rows.first?.count else { return [] }
        var pivotRow = 0
        for column in 0..<width where pivotRow < rows.count {
            guard let best = (pivotRow..<rows.count).max(by: { abs(rows[$0][column]) < abs(rows[$1][column]) }),
                abs(rows[best][column]) > 1e-9
            else { continue }
            rows.swapAt(pivotRow, best)
            let pivot = rows[pivotRow][column]
            rows[pivotRow] = rows[pivotRow].map { $0 / pivot }
            for r in rows.indices where r != pivotRow && abs(rows[r][column]) > 1e-9 {
                let factor = rows[r][column]
                for c in 0..<width { rows[r][c] -= factor * rows[pivotRow][c] }
            }
            pivotRow += 1
        }
        return Array(rows.prefix(pivotRow))
    }
}
