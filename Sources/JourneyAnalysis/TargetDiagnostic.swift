import JourneyCore

extension TargetResult {
    /// What `check` reports for this target: nothing when it is met, JM510 (error) when it is
    /// missed, JM511 (warning) when there is no data to judge it. Shared by `check` and the
    /// language server.
    public var diagnostic: Diagnostic? {
        switch status {
        case .met: nil
        case .missed: Diagnostic(.missedTarget, message, at: target.range)
        case .noData: Diagnostic(.targetWithoutData, message, at: target.range)
        }
    }
}
