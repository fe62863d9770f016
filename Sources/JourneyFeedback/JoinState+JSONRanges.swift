import Foundation
import JourneyCore

extension JoinState {
    /// Reads a JSON Lines file that `rangeCuts` cuts, in ranges on `plan.threads` threads;
    /// false when a range could not be read (a line longer than `maxRowBytes`, a file that
    /// changed while it was read), and nothing has changed: the caller then reads it in one
    /// pass cut at the same boundaries. Each range starts after the first LF at or after its
    /// nominal start (every LF ends a line, for the one pass too), with its line number from
    /// a first pass that counts LFs; the ranges are merged in file order, so the result is
    /// the one pass's (rows, diagnostics in order, the first examples, sums; see RangePlan).
    mutating func ingestJSONLinesRanges(_ source: FeedbackSource, plan: RangePlan) -> Bool {
        let path = source.resolvedPath
        guard let size = CSVReader.fileSize(path), size > 0, let starts = lineStarts(path, size: size, plan: plan) else { return false }
        let keys = jsonKeys(source)
        let template = rangeTemplate()
        let limit = maxRowBytes
        let read: @Sendable (Int) -> JoinState? = { i in
            template.readLines(path, from: starts[i], to: starts[i + 1], keys: keys, limit: limit)
        }
        guard let merged = RangeMerge.run(starts.count - 1, threads: plan.threads, into: self, read) else { return false }
        self = merged
        rangedSources += 1
        return true
    }

    /// Reads the lines that start in one range into a copy of this (empty) state; nil when a
    /// line is too long (the one pass stops the file there) or the lines did not end where
    /// the next range starts.
    func readLines(
        _ path: String, from: (offset: Int, line: Int), to: (offset: Int, line: Int), keys: [String], limit: Int
    )
        -> JoinState?
    {
        var local = self
        guard from.offset < to.offset else { return local }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var line = from.line - 1
        var last = from.offset
        let finished = JoinState.forEachLine(handle, from: from.offset, to: to.offset, maxRowBytes: limit) { raw, offset in
            line += 1
            last = offset + raw.count
            local.ingestJSONLine(raw, line: line, keys: keys)
        }
        // The last range ends with the file; every other one with the LF before the next.
        let ends = to.line == 0 ? last <= to.offset : last == to.offset - 1 && line == to.line - 1
        return finished && ends ? local : nil
    }

    /// The ranges' first lines (offset and line number), and the end of the file last; nil
    /// when a boundary cannot be found (no LF within `maxRowBytes` of a nominal start).
    private func lineStarts(_ path: String, size: Int, plan: RangePlan) -> [(offset: Int, line: Int)]? {
        let count = max(1, (size + plan.rangeBytes - 1) / plan.rangeBytes)
        let nominal = (0...count).map { min(size, $0 * plan.rangeBytes) }
        let feeds = Slots<Int>(count)
        let found = Slots<Int>(count)
        let limit = maxRowBytes
        DispatchQueue.concurrentPerform(iterations: count) { c in
            feeds[c] = try? CSVReader.lineFeeds(path: path, range: nominal[c]..<nominal[c + 1])
            // The first LF at or after the byte before the nominal start; -1: none to the end.
            if c > 0 { found[c] = (try? CSVReader.firstLineFeed(path: path, from: nominal[c] - 1, fileSize: size, limit: limit)) ?? nil }
        }
        var starts: [(offset: Int, line: Int)] = [(0, 1)]
        var before = 0  // LFs before nominal[c]
        for c in 1..<max(1, count) {
            guard let k = feeds[c - 1], let p = found[c] else { return nil }
            before += k
            if p < 0 {
                starts.append((size, 0))
            } else {
                starts.append((p + 1, 1 + before + (p >= nominal[c] ? 1 : 0)))
            }
        }
        starts.append((size, 0))
        return starts
    }
}
