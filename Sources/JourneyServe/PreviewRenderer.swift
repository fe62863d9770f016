import Foundation
import JourneyCore
import JourneyWorkflow

/// Re-renders the chosen view of every journey whose file, includes or feedback changed, into
/// memory (nothing is written to disk), and stores the result in a `PreviewState`. A version
/// with errors keeps the last good SVG and carries its diagnostics.
public struct PreviewRenderer: Sendable {
    /// The journey files and folders given to `serve`.
    public var paths: [String]
    /// How the journeys are loaded and rendered.
    public var settings: BatchSettings
    /// The view the page shows.
    public var view: MapView

    /// `settings.options.formats` and `views` are replaced: the preview needs one SVG.
    public init(paths: [String], settings: BatchSettings, view: MapView) {
        self.paths = paths
        self.view = view
        var s = settings
        s.options.formats = [.svg]
        s.options.views = [view]
        self.settings = s
    }

    /// Renders what changed since the last call (everything the first time). Returns the
    /// journeys rendered.
    @discardableResult
    public func refresh(_ watcher: inout ChangeWatcher, into state: PreviewState, clock: () -> String) -> [PreviewEntry] {
        let inputs = (try? JourneyDiscovery.inputs(for: paths)) ?? []
        state.keep(paths: Set(inputs.map(\.path)))
        let changed = watcher.changed(inputs, settings)
        return changed.map { item in
            let entry = render(item, previous: state.all.first { $0.path == item.path }, time: clock())
            state.update(entry)
            return entry
        }
    }

    /// One journey's new preview entry.
    public func render(_ item: JourneyDiscovery.Input, previous: PreviewEntry?, time: String) -> PreviewEntry {
        let load = settings.load.options(root: item.root)
        let loaded = JourneyLoader.load(path: item.path, options: load)
        let outcome = RenderJob.run(item, load: load, options: settings.options, loaded: loaded)
        let fileName = String(item.path.split(separator: "/").last ?? Substring(item.path))
        var entry = previous ?? PreviewEntry(id: fileName, title: fileName, path: item.path)
        if let j = loaded.journey {
            entry.id = j.id
            entry.title = j.title
        }
        entry.version += 1
        entry.updated = time
        entry.ok = !outcome.failed
        let shown = outcome.diagnostics.sortedForOutput().filter { $0.severity != .note }
        entry.diagnostics = DiagnosticPrinter(sources: outcome.sources, colored: false).format(shown)
        if !outcome.failed, let svg = outcome.files.first(where: { $0.path.hasSuffix(".svg") }), svg.bytes != entry.svg {
            entry.svg = svg.bytes
            entry.svgVersion += 1
        }
        return entry
    }
}
