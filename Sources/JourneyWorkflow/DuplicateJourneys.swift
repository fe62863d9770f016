/// Two journey files with one id would render into one output folder, the second silently
/// replacing the first: a batch renders neither and says which files clash.
public enum DuplicateJourneys {
    /// The ids held by more than one file, each with its files in input order.
    public static func find(_ ids: [(path: String, id: String)]) -> [String: [String]] {
        var byID: [String: [String]] = [:]
        for (path, id) in ids { byID[id, default: []].append(path) }
        return byID.filter { $0.value.count > 1 }
    }

    /// The error for one clashing id.
    public static func message(id: String, files: [String]) -> String {
        "journey id '\(id)' is used by \(files.joined(separator: " and ")): both would render into '\(id)/'; nothing was rendered for it. Give each journey its own id."
    }
}
