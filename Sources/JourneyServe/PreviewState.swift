import Foundation

/// What the preview shows for one journey: the last map that rendered, and the outcome of
/// the latest attempt (a version with errors keeps the last good map beside its diagnostics).
public struct PreviewEntry: Sendable, Equatable {
    /// The journey's id (or its file name while it has never loaded).
    public var id: String
    /// The journey's title, for the page's picker.
    public var title: String
    /// The journey file.
    public var path: String
    /// The last good SVG, nil until one renders.
    public var svg: [UInt8]?
    /// Bumped when `svg` changes (the image's cache-busting query).
    public var svgVersion = 0
    /// Bumped on every attempt (what the page compares).
    public var version = 0
    /// The latest attempt's diagnostics as plain text (no colour), empty when clean.
    public var diagnostics = ""
    /// False when the latest attempt had errors.
    public var ok = true
    /// When the latest attempt finished (HH:mm:ss, local time).
    public var updated = ""
}

/// The preview's shared state: written by the render loop, read by request handlers.
public final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [PreviewEntry] = []
    private var generation = 0

    /// An empty state: no journey rendered yet.
    public init() {}

    /// All journeys, in file order.
    public var all: [PreviewEntry] { lock.withLock { entries } }

    /// Changes on every update of any journey (what the event stream waits on).
    public var currentGeneration: Int { lock.withLock { generation } }

    /// One journey by id, or the first one when `id` is nil.
    public func entry(_ id: String?) -> PreviewEntry? {
        lock.withLock { id.map { id in entries.first { $0.id == id } } ?? entries.first }
    }

    /// Stores a journey's new state (matched by path) and bumps the generation.
    public func update(_ entry: PreviewEntry) {
        lock.withLock {
            if let i = entries.firstIndex(where: { $0.path == entry.path }) { entries[i] = entry } else { entries.append(entry) }
            generation += 1
        }
    }

    /// Drops journeys whose files are gone.
    public func keep(paths: Set<String>) {
        lock.withLock {
            let before = entries.count
            entries.removeAll { !paths.contains($0.path) }
            if entries.count != before { generation += 1 }
        }
    }
}
