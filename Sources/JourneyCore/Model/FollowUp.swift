/// `loop within 48 h [at DEPARTMENT]`: how soon a detractor or a negative response must be
/// answered (docs/close-the-loop.md#follow-up-lists).
public struct FollowUpPolicy: Hashable, Sendable {
    /// The journey's service level in hours; nil: none declared.
    public var hours: Int?
    /// Per department id, overriding the journey's.
    public var byDepartment: [String: Int] = [:]
    /// No service level.
    public init() {}

    /// The service level of a department's follow-ups, in hours (the department's, else the journey's).
    public func hours(for department: String?) -> Int? {
        department.flatMap { byDepartment[$0] } ?? hours
    }
}
