extension Resolver {
    /// `loop within 48 h [at DEPARTMENT]` (or `2 d`): the service level for answering
    /// detractors and negative responses.
    mutating func readLoop(_ s: StatementSyntax) {
        forbidBlock(s)
        guard
            let (count, unit, department) = withArguments(
                s,
                { a -> (Token, Token, Token?)? in
                    guard a.expect("within", "after 'loop': loop within 48 h [at DEPARTMENT]") != nil,
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
