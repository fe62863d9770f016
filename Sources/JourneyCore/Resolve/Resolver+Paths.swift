/// Where a path written in a journey (`include`, `feedback`) may lead: the same rule for
/// both, so a journey arriving in a pull request cannot read, or echo, a file outside its
/// folder. Paths given on the command line (`--feedback`) are the user's own and are not
/// checked here (docs/security.md).
enum ConfinedPath {
    /// Inside the root: `shown` is the path as printed and read, `canonical` its real path.
    case inside(shown: String, canonical: String)
    /// Absolute paths are refused outright.
    case absolute
    /// Nothing at `shown`.
    case missing(shown: String)
    /// Resolves (`..`, symlinks) outside the root, or into a system folder.
    case outside(shown: String, canonical: String)
}

extension Resolver {
    /// Folders never read through a journey, even when the root holds them (a journey in `/`):
    /// their "files" are the process environment, kernel state and devices.
    static let systemFolders = ["/proc", "/sys", "/dev"]

    /// Resolves `written` relative to the folder of `file` and checks it stays inside the root.
    func confine(_ written: String, from file: String) -> ConfinedPath {
        if written.hasPrefix("/") { return .absolute }
        let shown = PathUtil.join(PathUtil.directory(of: file), written)
        guard let canonical = FileReader.realPath(shown) else { return .missing(shown: shown) }
        if Resolver.systemFolders.contains(where: { PathUtil.isInside(canonical, root: $0) }) {
            return .outside(shown: shown, canonical: canonical)
        }
        if let root = rootCanonical, !PathUtil.isInside(canonical, root: root) {
            return .outside(shown: shown, canonical: canonical)
        }
        return .inside(shown: shown, canonical: canonical)
    }

    /// The note for a path that leaves the root: where the root is and where the path leads.
    func confinementNote(_ canonical: String) -> DiagnosticNote {
        DiagnosticNote("the folder is '\(options.root ?? PathUtil.directory(of: entry))'; it resolves to '\(canonical)'")
    }
}
