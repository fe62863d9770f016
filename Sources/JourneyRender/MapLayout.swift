import JourneyCore
import JourneyGraphviz

/// Where each touchpoint and flow label sits on the map's timeline: one straight row of
/// columns in document order; below each column, the branches of its stage and then the labels
/// of the flows that arc under it.
///
/// Why (issue 13, measured on the examples): dot gives every edge that takes part in ranking a
/// column of its own, so a branch ranked by the flow that reaches it (one column after its
/// source) shared a column with the next stage whenever it was the last touchpoint of its
/// stage; two clusters in one column cannot stand side by side, so every later stage stepped
/// down. Here only the row ranks the map, and a branch shares the column of a row touchpoint of
/// its own stage. Flow labels were `xlabel`s, placed after the layout on top of lines and stage
/// headers, or edge labels, which dot puts above or below the row as crossing minimisation
/// happens to choose (lines then wrapped round the cards); a label is now a node of its own,
/// stacked below a column, so dot keeps it clear of every card, header and other label.
struct MapLayout {
    /// How a flow's end meets a card: the compass point it is drawn from or to.
    enum Side: String {
        case north = "n", south = "s", east = "e", west = "w"
    }

    /// One place below a column.
    enum Slot: Hashable {
        case touchpoint(String)
        /// The label of `journey.flows[index]`.
        case label(Int)
    }

    /// The touchpoints on the row, in document order: one column each.
    let row: [String]
    /// What hangs below each row touchpoint, nearest the row first.
    let below: [String: [Slot]]
    /// Column of every touchpoint (one below the row takes its column's).
    let column: [String: Int]
    /// The row touchpoint whose column holds each flow's label (flows with a label only).
    let labelColumn: [Int: String]

    /// Without `labelsAcrossStages`, the labels of flows between two stages get no place (a
    /// large map routes those flows, labels and all, below the stages: `LargeMap`).
    init(_ journey: Journey, labelsAcrossStages: Bool = true) {
        var row: [String] = []
        var below: [String: [Slot]] = [:]
        for stage in journey.stages {
            let main = stage.touchpoints.filter { !$0.isBranch }
            // A stage made only of branches still needs columns of its own.
            if main.isEmpty {
                row += stage.touchpoints.map(\.id)
                continue
            }
            row += main.map(\.id)
            var previous: String?
            for tp in stage.touchpoints {
                if !tp.isBranch {
                    previous = tp.id
                    continue
                }
                // Below the row touchpoint before it in its stage, else below the first one.
                below[previous ?? main[0].id, default: []].append(.touchpoint(tp.id))
            }
        }
        var column: [String: Int] = [:]
        for (i, id) in row.enumerated() { column[id] = i }
        for (a, slots) in below {
            for case .touchpoint(let b) in slots { column[b] = column[a] }
        }
        // Labels: between the two ends in a column (a vertical flow), else below the column
        // half-way along the arc, shorter arcs nearer the row so that arcs nest.
        var labelColumn: [Int: String] = [:]
        var arcs: [(span: Int, flow: Int, column: Int)] = []
        var stageOf: [String: String] = [:]
        for tp in journey.touchpoints { stageOf[tp.id] = tp.stageID }
        for (i, flow) in journey.flows.enumerated() where flow.kind == .explicit && flow.label != nil {
            guard let a = column[flow.from], let b = column[flow.to] else { continue }
            if !labelsAcrossStages, stageOf[flow.from] != stageOf[flow.to] { continue }
            if a == b {
                let anchor = row[a]
                var slots = [Slot.touchpoint(anchor)] + (below[anchor] ?? [])
                let ends = [slots.firstIndex(of: .touchpoint(flow.from)), slots.firstIndex(of: .touchpoint(flow.to))]
                if let x = ends[0], let y = ends[1], abs(x - y) == 1 {
                    slots.insert(.label(i), at: max(x, y))
                    below[anchor] = Array(slots.dropFirst())
                    labelColumn[i] = anchor
                    continue
                }
            }
            arcs.append((abs(a - b), i, (a + b) / 2))
        }
        for arc in arcs.sorted(by: { ($0.span, $0.flow) < ($1.span, $1.flow) }) {
            below[row[arc.column], default: []].append(.label(arc.flow))
            labelColumn[arc.flow] = row[arc.column]
        }
        self.row = row
        self.below = below
        self.column = column
        self.labelColumn = labelColumn
    }

    /// Whether the touchpoint hangs below the row.
    func isBelow(_ id: String) -> Bool { column[id].map { row[$0] != id } ?? false }

    /// The sides an explicit flow leaves and reaches (through its label, if any): loops and
    /// skips along the row arc below it, where no stage header is; flows into and out of a
    /// branch meet it from the side that faces the other end. (Within one column the edges
    /// are flat and take no ports: see `MapBuilder.setPorts`.)
    func sides(from: String, to: String) -> (tail: Side, head: Side) {
        let a = column[from] ?? 0
        let b = column[to] ?? 0
        if a < b {
            return (isBelow(from) ? .east : .south, isBelow(to) ? .west : .south)
        }
        return (.south, .south)
    }
}

extension MapLayout.Side {
    /// The port as Graphviz spells it.
    var trusted: Trusted {
        switch self {
        case .north: "n"
        case .south: "s"
        case .east: "e"
        case .west: "w"
        }
    }
}
