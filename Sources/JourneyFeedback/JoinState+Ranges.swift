import Foundation
import JourneyCore

/// How a large feedback file is split over threads (docs/feedback.md#parallel-join).
struct RangePlan: Sendable {
    /// Ranges read at once.
    var threads: Int
    /// Bytes per range. Fixed whatever the number of threads, because a range is the unit of
    /// summation: each range adds its rows from zero and the ranges are merged in file order,
    /// so one thread and eight give the same sums to the last bit (floating-point addition is
    /// not associative; integer scores sum exactly either way).
    var rangeBytes = 8 << 20
    /// Smaller files are read in one pass (the split costs more than it gains).
    var minimumBytes = 8 << 20
    /// Ranges are mapped into memory (no copy) rather than read into a buffer.
    var mapped = false
}

/// The merge point of the parallel join: ranges finish in any order and are merged into the
/// join's state in file order, under one lock.
final class RangeMerge: @unchecked Sendable {
    private let lock = NSLock()
    private var state: JoinState
    private var pending: [Int: JoinState] = [:]
    private var merged = 0
    private var next = 0
    private var failed = false

    init(_ state: JoinState) { self.state = state }

    /// The next range to read, or nil when all are taken or one failed.
    func take(_ count: Int) -> Int? {
        lock.withLock {
            guard !failed, next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    /// Hands in range `i`'s state (nil: it could not be read as a range), merging every range
    /// that is now next in file order.
    func finish(_ i: Int, _ local: JoinState?) {
        lock.withLock {
            guard let local, !failed else { failed = true; return }
            pending[i] = local
            while let r = pending.removeValue(forKey: merged) {
                guard state.absorb(r) else { failed = true; return }
                merged += 1
            }
        }
    }

    /// The merged state, or nil when a range failed.
    var result: JoinState? { lock.withLock { failed ? nil : state } }

    /// Reads `count` ranges on up to `threads` threads (`read(i)` gives range i's state, nil
    /// when it cannot be read as a range) and merges them into `base` in file order; nil when
    /// a range failed. CSV and JSON Lines share it.
    static func run(_ count: Int, threads: Int, into base: JoinState, _ read: @Sendable (Int) -> JoinState?) -> JoinState? {
        let merge = RangeMerge(base)
        DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
            while let i = merge.take(count) { merge.finish(i, read(i)) }
        }
        return merge.result
    }
}

/// Results written by index from several threads.
final class Slots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [T?]
    init(_ count: Int) { values = Array(repeating: nil, count: count) }
    subscript(i: Int) -> T? {
        get { lock.withLock { values[i] } }
        set { lock.withLock { values[i] = newValue } }
    }
}

extension JoinState {
    /// The cores this process may use: the default number of threads.
    static var activeCores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// The plan when a CSV file of long data (or a JSON Lines file) is summed in ranges: a
    /// large regular file, and nothing that needs one pass. Nil: it is summed whole. Whether a file is cut depends on
    /// the file and never on the number of threads, so the sums never do either: with more
    /// than one thread the ranges are read at once (`ingestCSVRanges`), with one (or when
    /// they cannot be read apart) in one pass cut at the same boundaries (`ingestCSV`).
    func rangeCuts(_ source: FeedbackSource) -> RangePlan? {
        // Order-dependent extras stay on one pass: the explained sample, follow-ups, and
        // respondents. A respondent's rows may straddle a boundary, and its state (the open
        // respondent's answers, the cluster sums it adds to when it closes, its driver
        // ratings, composite index answers and the check that one person's rows are
        // together) is only exact once all its rows are in: merging per-range states would
        // need each range's first and last respondent carried over to the merge. Wide data
        // (one row per respondent) is read in one pass for the same state; not done yet.
        guard let plan = rangePlan, !respondentMode, followUps == nil, (tagging?.explainLimit ?? 0) == 0, plan.threads >= 1 else {
            return nil
        }
        guard let size = CSVReader.fileSize(source.resolvedPath), size >= plan.minimumBytes, size > 0 else { return nil }
        return plan
    }

    /// Reads a file that `rangeCuts` cuts in ranges on `plan.threads` threads; false when a
    /// range boundary turned out not to be a row's (or a malformed row may have misled the
    /// first pass), and nothing has changed: the caller then reads it in one pass, cut at the
    /// same boundaries. The result equals the one-pass read's (same rows, same diagnostics in
    /// the same order, the same first examples, the same sums; see RangePlan).
    mutating func ingestCSVRanges(_ source: FeedbackSource, plan: RangePlan) -> Bool {
        let path = source.resolvedPath
        guard let size = CSVReader.fileSize(path), size > 0 else { return false }
        // The header, with the reader's own BOM, `sep=` and delimiter handling.
        var names: [String]?
        var headerLine = 1
        let afterHeader: (offset: Int, line: Int)
        let delimiter: UInt8
        do {
            var head = try CSVReader(path: path, delimiter: source.delimiter, maxRowBytes: maxRowBytes)
            try head.forEachRow { row in
                names = (0..<row.fieldCount).map { row.string($0) }
                headerLine = row.line
                return false
            }
            afterHeader = head.stopped
            delimiter = head.delimiter
        } catch {
            return false
        }
        guard let names, delimiter < 0x80, let starts = rangeStarts(path, size: size, after: afterHeader, plan: plan) else { return false }
        let saved = self
        let (layout, ok) = mapCSVHeader(names, source: source, line: headerLine, aggregate: false, wide: false)
        guard ok else { return true }
        let template = rangeTemplate()
        let limit = maxRowBytes
        let read: @Sendable (Int) -> JoinState? = { i in
            template.readRange(path, delimiter, from: starts[i], to: starts[i + 1], size: size, mapped: plan.mapped, layout, limit)
        }
        guard let merged = RangeMerge.run(starts.count - 1, threads: plan.threads, into: self, read) else {
            self = saved
            return false
        }
        self = merged
        rangedSources += 1
        return true
    }

    /// Reads one range into a copy of this (empty) state; nil when the range cannot be read
    /// as one: its rows did not end exactly where the next range starts, or the reader failed
    /// (the one-pass read then reports it).
    func readRange(
        _ path: String, _ delimiter: UInt8, from: (offset: Int, line: Int), to: (offset: Int, line: Int), size: Int, mapped: Bool,
        _ layout: CSVLayout, _ maxRowBytes: Int
    ) -> JoinState? {
        var local = self
        guard from.offset < to.offset else { return local }
        // The last range ends with the file: its last line is not a boundary to check.
        let last = to.offset == size
        do {
            var reader =
                mapped
                ? try CSVReader(
                    path: path, delimiter: delimiter, mappedRange: from.offset..<to.offset, fileSize: size, line: from.line,
                    maxRowBytes: maxRowBytes)
                : try CSVReader(
                    path: path, delimiter: delimiter, range: from.offset..<to.offset, line: from.line, maxRowBytes: maxRowBytes)
            // A stray quote can put the quote parity out of step with the rows, so that a
            // boundary skips a row start and the range before still ends on it: the one pass
            // (whose boundaries are the rows' own) reads such a file.
            var misled = false
            try reader.forEachRow { row in
                if row.mayFoolQuoteParity {
                    misled = true
                    return false
                }
                local.ingestCSVRow(row, layout)
                return true
            }
            guard !misled, reader.stopped.offset == to.offset, last || reader.stopped.line == to.line else { return nil }
        } catch {
            return nil
        }
        return local
    }

    /// The ranges' first rows (offset and line), and the end of the file last; nil when a
    /// boundary cannot be found (a quote that never closes).
    private func rangeStarts(_ path: String, size: Int, after: (offset: Int, line: Int), plan: RangePlan) -> [(offset: Int, line: Int)]? {
        let body = size - after.offset
        let count = max(1, (body + plan.rangeBytes - 1) / plan.rangeBytes)
        let nominal = (0...count).map { min(size, after.offset + $0 * plan.rangeBytes) }
        // Pass 1: quotes and line breaks of every range, on all threads.
        let counts = Slots<CSVReader.RangeCounts>(count)
        DispatchQueue.concurrentPerform(iterations: count) { c in
            counts[c] = try? CSVReader.counts(path: path, range: nominal[c]..<nominal[c + 1])
        }
        var odd = [Bool](repeating: false, count: count)
        var breaks = [Int](repeating: after.line - 1, count: count)
        for c in 1..<max(1, count) {
            guard let k = counts[c - 1] else { return nil }
            odd[c] = odd[c - 1] != (k.quotes % 2 == 1)
            breaks[c] = breaks[c - 1] + k.breaks
        }
        // Each range starts at the first row boundary at or after its nominal start.
        let (oddBefore, breaksBefore) = (odd, breaks)
        let found = Slots<(offset: Int, line: Int)>(count)
        let limit = maxRowBytes
        if count > 1 {
            DispatchQueue.concurrentPerform(iterations: count - 1) { k in
                let c = k + 1
                found[c] =
                    (try? CSVReader.rowStart(
                        path: path, from: nominal[c], oddQuotes: oddBefore[c], breaksBefore: breaksBefore[c], fileSize: size, limit: limit))
                    ?? nil
            }
        }
        var starts = [after]
        for c in 1..<max(1, count) {
            guard let s = found[c] else { return nil }
            starts.append(s)
        }
        starts.append((size, 0))
        return starts
    }
}
