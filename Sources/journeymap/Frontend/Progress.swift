import Foundation

/// A one-line progress display for long batches, on a terminal only: CI logs and pipes stay
/// quiet and plain.
struct Progress {
    let total: Int
    let enabled: Bool

    init(total: Int) {
        self.total = total
        let ci = ProcessInfo.processInfo.environment["CI"] != nil
        enabled = total >= 5 && Terminal.stderrIsTerminal && !ci
    }

    func update(_ index: Int, _ name: String) {
        guard enabled else { return }
        let shown = name.count > 50 ? "…" + name.suffix(49) : Substring(name)
        Terminal.err("\r\u{1B}[K[\(index + 1)/\(total)] \(shown)")
    }

    /// Clears the line before other output.
    func clear() { finish() }

    func finish() {
        guard enabled else { return }
        Terminal.err("\r\u{1B}[K")
    }
}
