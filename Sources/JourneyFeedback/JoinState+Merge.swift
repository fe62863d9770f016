import JourneyCore

extension JoinState {
    /// This state with everything a range accumulates emptied (the journey, options, the
    /// source's scales, rules and codes kept): each range of a file starts from it.
    func rangeTemplate() -> JoinState {
        var s = self
        s.perTouchpoint = Array(repeating: Accumulator(), count: perTouchpoint.count)
        s.perSegment = []
        s.perSegmentTouchpoint = [:]
        s.unmatchedValid = Accumulator()
        s.accounting = RowAccounting()
        s.diagnostics = []
        s.examples = [:]
        s.firstDate = nil
        s.lastDate = nil
        s.segments = ByteTable()
        s.categories = ByteTable()
        if s.tagging != nil { s.tagging?.summary = TaggingSummary(rules: journey.tagging) }
        s.exampleLog = []
        s.rangePlan = nil
        return s
    }

    /// This (empty) range state starting from the categories seen so far: a range read after
    /// the ones before it have merged (one thread) numbers categories as one pass does.
    func seeded(_ categories: ByteTable) -> JoinState {
        var s = self
        s.categories = categories
        return s
    }

    /// Adds the next range's state (made by `rangeTemplate`, read after everything merged so
    /// far) as if its rows had been read here: ids of segments and categories are renumbered
    /// in order of first appearance, the first few examples of each kind are kept over the
    /// whole file, and the diagnostics keep file order. False when the range cannot be merged
    /// exactly (it filled the category table on its own): the caller reads in one pass.
    /// `seeded`: the range started from this state's categories (`seeded(_:)`), so its table
    /// filled as one pass's would, and it always merges.
    @discardableResult
    mutating func absorb(_ r: JoinState, seeded: Bool = false) -> Bool {
        guard seeded || r.categories.count < Accumulator.maxCategories else { return false }
        // Categories: the same rule as ingestRow (known, else new while there is room, else "(other)").
        var categoryMap: [Int] = []
        categoryMap.reserveCapacity(r.categories.count)
        for i in 0..<r.categories.count {
            let id = r.categories.key(i).withUnsafeBufferPointer { b in
                if let known = categories.find(b) { return known }
                return categories.count < Accumulator.maxCategories ? categories.intern(b) : categories.intern("(other)")
            }
            categoryMap.append(id)
        }
        var segmentMap: [Int] = []
        for i in 0..<r.segments.count {
            let s = r.segments.key(i).withUnsafeBufferPointer { segments.intern($0) }
            while s >= perSegment.count { perSegment.append(Accumulator()) }
            segmentMap.append(s)
        }
        for (t, a) in r.perTouchpoint.enumerated() where a.rows > 0 {
            var moved = a
            moved.categories = [:]
            for (k, v) in a.categories { moved.categories[categoryMap[k], default: 0] += v }
            perTouchpoint[t].merge(moved)
        }
        for (s, a) in r.perSegment.enumerated() where a.rows > 0 { perSegment[segmentMap[s]].merge(a) }
        let tps = max(1, touchpointIDs.count)
        for (key, a) in r.perSegmentTouchpoint {
            let (s, t) = key.quotientAndRemainder(dividingBy: tps)
            perSegmentTouchpoint[segmentMap[s] * tps + t, default: Accumulator()].merge(a)
        }
        unmatchedValid.merge(r.unmatchedValid)
        accounting.add(r.accounting)
        if let d = r.firstDate { firstDate = min(firstDate ?? d, d) }
        if let d = r.lastDate { lastDate = max(lastDate ?? d, d) }
        if let t = r.tagging?.summary { tagging?.summary.add(t) }
        mergeDiagnostics(r)
        return true
    }

    /// The range's diagnostics in order; an example is kept only when the one-pass read would
    /// have listed it (fewer than the limit of its kind before it in the whole file).
    private mutating func mergeDiagnostics(_ r: JoinState) {
        var kind: [Int: String] = [:]
        for (index, key) in r.exampleLog ?? [] { kind[index] = key }
        var seenInRange: [String: Int] = [:]
        for (i, d) in r.diagnostics.enumerated() {
            guard let key = kind[i] else {
                diagnostics.append(d)
                continue
            }
            let j = seenInRange[key, default: 0]
            seenInRange[key] = j + 1
            // Rows with no touchpoint and no rule are listed once (ingestRow), the rest counted.
            let cap = key.hasSuffix("\u{0}unmatched category") ? min(1, options.examplesPerReason) : options.examplesPerReason
            if examples[key, default: 0] + j < cap {
                diagnostics.append(d)
                exampleLog?.append((diagnostics.count - 1, key))
            }
        }
        for (key, n) in r.examples { examples[key, default: 0] += n }
    }
}

extension RowAccounting {
    /// Adds another part of the data's counts.
    mutating func add(_ o: RowAccounting) {
        respondents.add(o.respondents)
        ratings.add(o.ratings)
        ratingsMissing += o.ratingsMissing
        read += o.read
        used += o.used
        rejected += o.rejected
        unmatched += o.unmatched
        filtered += o.filtered
        for (k, v) in o.rejectedByReason { rejectedByReason[k, default: 0] += v }
        for (k, v) in o.unmatchedByKey { unmatchedByKey[k, default: 0] += v }
    }
}

extension RowAccounting.Tally {
    /// Adds another part's counts.
    mutating func add(_ o: RowAccounting.Tally) {
        read += o.read
        used += o.used
        rejected += o.rejected
        unmatched += o.unmatched
        filtered += o.filtered
    }
}

extension TaggingSummary {
    /// Adds the counts of another part of the data (the same rules).
    mutating func add(_ o: TaggingSummary) {
        for i in tags.indices where i < o.tags.count {
            tags[i].matched += o.tags[i].matched
            tags[i].filled += o.tags[i].filled
            tags[i].compared += o.tags[i].compared
            tags[i].agreed += o.tags[i].agreed
        }
        comments += o.comments
        sentimentFound += o.sentimentFound
        sentimentFilled += o.sentimentFilled
        sentimentCompared += o.sentimentCompared
        sentimentAgreed += o.sentimentAgreed
    }
}
