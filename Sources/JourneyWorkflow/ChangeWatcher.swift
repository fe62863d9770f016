/// What `watch` polls: the journeys whose file, includes or feedback files changed (size or
/// modification time) since the last call.
public struct ChangeWatcher: Sendable {
    private var stamps: [String: FileStamp] = [:]
    /// A watcher that has seen nothing: its first call reports every input.
    public init() {}

    /// The inputs that changed since the last call (all of them the first time); files that
    /// hold only shared definitions are followed through the journeys that include them.
    public mutating func changed(_ inputs: [JourneyDiscovery.Input], _ settings: BatchSettings) -> [JourneyDiscovery.Input] {
        inputs.filter { item in
            let (_, deps, shared, _) = RenderJob.dependenciesAndLoad(
                item, load: settings.load.options(root: item.root), options: settings.options)
            if shared { return false }
            let stamp = FileStamp([item.path] + deps)
            if stamps[item.path] == stamp { return false }
            stamps[item.path] = stamp
            return true
        }
    }
}
