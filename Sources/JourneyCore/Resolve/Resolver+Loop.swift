extension Resolver {
    /// `loop within 48 h [at DEPARTMENT]` (or `2 d`): the service level for answering
    /// detractors and negative responses.
    mutating func readLoop(_ s: StatementSyntax) {
        forbidBlock(s)
        if s.arguments.first?.text == "record" {
            readLoopRecord(s)
            return
        }
        guard
            let (count, unit, department) = withArguments(
                s,
                { a -> (Token, Token, Token?)? in
                    guard a.expect("within", "after 'loop': loop within 48 h [at DEPARTMENT], or loop record \"FILE\"") != nil,
                        let n = a.number("a whole number of hours or days, e.g. 'loop within 48 h'"),
                        let u = a.identifier("a unit after the number: h (hours) or d (days)")
                    else { return nil }
                    var dept: Token?
                    if a.accept("at") != nil {
                        guard let d = a.identifier("a department id after 'at'") else { return nil }
                        dept = d
                    }
                    guard a.end("loop within 48 h [at DEPARTMENT]") else { return nil }
                    return (n, u, dept)
                })
        else { return }
        let factor: Int
        switch unit.text {
        case "h", "hours", "hour": factor = 1
        case "d", "days", "day": factor = 24
        default:
            report(.invalidFollowUp, "unknown unit '\(unit.text)'; write hours as 'h' or days as 'd' (loop within 48 h)", at: unit.range)
            return
        }
        guard let v = Int(count.text), v >= 1, v <= 24 * 366 else {
            report(.invalidFollowUp, "a service level is a whole number of hours or days, at most a year", at: count.range)
            return
        }
        if let d = department {
            builder.references.append(.init(kind: .department, token: d))
            if builder.followUp.byDepartment[d.text] != nil {
                report(.invalidFollowUp, "department '\(d.text)' already has a service level; keep one", at: d.range)
                return
            }
            builder.followUp.byDepartment[d.text] = v * factor
        } else {
            if builder.followUp.hours != nil {
                report(
                    .invalidFollowUp, "the journey already has a service level; keep one (add 'at DEPARTMENT' for a department's own)",
                    at: s.keyword.range)
                return
            }
            builder.followUp.hours = v * factor
        }
    }
}

extension Resolver {
    /// `loop record "FILE"`: the team's loop record, a CSV beside the journey. The path is
    /// confined like `feedback` and `include` paths: a journey cannot make `check` read, or
    /// echo, a file outside its folder.
    mutating func readLoopRecord(_ s: StatementSyntax) {
        guard
            let pathToken = withArguments(
                s,
                { a -> Token? in
                    guard a.expect("record", "loop record \"FILE\"") != nil,
                        let p = a.string("the loop record's file name in quotes, e.g. loop record \"journey.loop.csv\""),
                        a.end("loop record \"FILE\"")
                    else { return nil }
                    return p
                })
        else { return }
        if let first = builder.followUp.record {
            report(
                .invalidFollowUp, "the journey already has a loop record ('\(first.path)'); keep one file", at: pathToken.range,
                notes: [DiagnosticNote("first declared here", at: first.range)])
            return
        }
        switch confine(pathToken.text, from: s.keyword.range.file) {
        case .absolute:
            report(
                .pathOutsideRoot,
                "loop record paths are relative to this file; absolute paths are not allowed (pass a file elsewhere with --loop)",
                at: pathToken.range)
        case .outside(_, let real):
            report(
                .pathOutsideRoot,
                "loop record '\(pathToken.text)' leaves the journeys folder; keep it beside the journey (or pass it with --loop)",
                at: pathToken.range, notes: [confinementNote(real)])
        case .missing(let path), .inside(let path, _):
            builder.symbols.links.append(.init(range: pathToken.range, path: path))
            builder.followUp.record = LoopRecordSource(path: pathToken.text, resolvedPath: path, range: pathToken.range)
        }
    }
}
