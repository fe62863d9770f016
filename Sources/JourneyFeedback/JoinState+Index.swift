import JourneyCore

extension JoinState {
    /// Adds one respondent's answers (or one row, without respondent ids) to the index sums
    /// of every group they touch: the journey, the touchpoint's stage, department, channel and
    /// touchpoint, and the segment. Each group gets the respondent once, as one cluster.
    mutating func addIndexAnswers<C: Collection>(_ answers: C) where C.Element == Answer {
        func touch(_ g: Int, _ a: Answer) {
            guard g >= 0 else { return }
            if indexPartials[g] == SIMD8<Double>() { indexTouched.append(g) }
            // Answers carry the measures as asked; each becomes 0–100 here (docs/feedback.md#composite-indices).
            if let v = a.nps { indexPartials[g][0] += 50 + 50 * v; indexPartials[g][4] += 1 }
            if let v = a.csatScore { indexPartials[g][1] += v; indexPartials[g][5] += 1 }
            if let v = a.cesScore { indexPartials[g][2] += v; indexPartials[g][6] += 1 }
            if let v = a.negative { indexPartials[g][3] += 100 * (1 - v); indexPartials[g][7] += 1 }
        }
        for a in answers {
            guard a.nps != nil || a.csatScore != nil || a.cesScore != nil || a.negative != nil else { continue }
            touch(0, a)
            if a.touchpoint >= 0 {
                let base = a.touchpoint * 4
                for j in 0..<4 { touch(touchpointGroups[base + j], a) }
            }
            if let s = a.segment {
                while indexSegmentGroup.count <= s {
                    indexSegmentGroup.append(indexGroups.count)
                    indexGroups.append(IndexMoments())
                    indexPartials.append(SIMD8<Double>())
                }
                touch(indexSegmentGroup[s], a)
            }
        }
        for g in indexTouched {
            indexGroups[g].add(indexPartials[g])
            indexPartials[g] = SIMD8<Double>()
        }
        indexTouched.removeAll(keepingCapacity: true)
    }

    /// Each group's estimate of every declared index, where all its measures have answers.
    func addIndices(to m: inout JourneyMeasurements) {
        func estimates(_ g: Int?) -> [String: IndexEstimate] {
            guard let g, g >= 0, g < indexGroups.count else { return [:] }
            var out: [String: IndexEstimate] = [:]
            for index in journey.indices {
                if let e = indexGroups[g].estimate(index) { out[index.id] = e }
            }
            return out
        }
        m.journey.indices = estimates(0)
        for (i, tp) in journey.touchpoints.enumerated() where m.byTouchpoint[tp.id] != nil {
            m.byTouchpoint[tp.id]!.indices = estimates(touchpointGroupBase + i)
        }
        for id in m.byStage.keys { m.byStage[id]!.indices = estimates(stageGroup[id]) }
        for id in m.byDepartment.keys { m.byDepartment[id]!.indices = estimates(departmentGroup[id]) }
        for id in m.byChannel.keys { m.byChannel[id]!.indices = estimates(channelGroup[id]) }
        for (i, g) in indexSegmentGroup.enumerated() {
            let name = String(decoding: segments.key(i), as: UTF8.self)
            if m.bySegment[name] != nil { m.bySegment[name]!.indices = estimates(g) }
        }
    }

    /// JM515 for each measure of an index that no joined answer carries (the index is then
    /// computed nowhere); nothing when no data was joined at all.
    func indexDiagnostics() -> [Diagnostic] {
        let all = indexGroups[0]
        guard all.respondentsByMask.contains(where: { $0 > 0 }) else { return [] }
        var out: [Diagnostic] = []
        for index in journey.indices {
            for term in index.terms where all.answers(term.component) == 0 {
                out.append(
                    Diagnostic(
                        .indexWithoutData,
                        "index '\(index.id)' combines \(term.component.rawValue), but the joined data has no \(term.component.rawValue) answers; the index is not computed (aggregate and moments sources do not feed indices)",
                        at: term.range))
            }
        }
        return out
    }
}
