/// Places the curve's value labels clear of markers, lines and each other: each label tries
/// a few spots around its point (above, below, then beside) and takes the first that touches
/// nothing, else the one with the fewest collisions and the most room. Geometry in points,
/// y up (neato's pinned positions).
struct CurveLabelPlacer {
    /// A box by its centre and half sizes.
    struct Box: Equatable {
        var x, y, halfWidth, halfHeight: Double
        func overlaps(_ o: Box) -> Bool { abs(x - o.x) < halfWidth + o.halfWidth && abs(y - o.y) < halfHeight + o.halfHeight }
    }
    /// A marker: a disc around a point.
    struct Marker { var x, y, radius: Double }
    /// A drawn line segment.
    struct Segment { var x0, y0, x1, y1: Double }

    var markers: [Marker] = []
    var segments: [Segment] = []
    /// Labels placed so far.
    private(set) var placed: [Box] = []

    /// Offsets tried, in order of preference (label centre − point).
    static let offsets: [(Double, Double)] = [(0, 15), (0, -15), (26, 10), (26, -10), (-26, 10), (-26, -10), (0, 26), (0, -26)]

    /// The centre for a label of `width` × `height` at point (x, y), recorded so later labels avoid it.
    mutating func place(x: Double, y: Double, width: Double, height: Double) -> (x: Double, y: Double) {
        var best: (Box, Int, Double)?
        for (dx, dy) in Self.offsets {
            let box = Box(x: x + dx, y: y + dy, halfWidth: width / 2 + 1.5, halfHeight: height / 2 + 1)
            let (hits, room) = collisions(box)
            if hits == 0 {
                best = (box, 0, room)
                break
            }
            if best == nil || hits < best!.1 || (hits == best!.1 && room > best!.2) { best = (box, hits, room) }
        }
        let box = best!.0
        placed.append(box)
        return (box.x, box.y)
    }

    /// How many markers, lines and labels the box touches, and its clearance to the nearest.
    func collisions(_ b: Box) -> (Int, Double) {
        var hits = 0
        var room = Double.infinity
        for m in markers {
            let d = distance(b, m.x, m.y) - m.radius
            if d < 0 { hits += 1 }
            room = min(room, d)
        }
        for s in segments {
            let d = distance(b, s)
            if d <= 0 { hits += 1 }
            room = min(room, d)
        }
        for p in placed where p.overlaps(b) { hits += 1 }
        return (hits, room)
    }

    /// Distance from a point to the box (0 inside).
    func distance(_ b: Box, _ x: Double, _ y: Double) -> Double {
        let dx = max(0, abs(x - b.x) - b.halfWidth), dy = max(0, abs(y - b.y) - b.halfHeight)
        return (dx * dx + dy * dy).squareRoot()
    }

    /// Distance from a segment to the box (0 when they cross), sampled finely enough for labels.
    func distance(_ b: Box, _ s: Segment) -> Double {
        let steps = 24
        var best = Double.infinity
        for i in 0...steps {
            let t = Double(i) / Double(steps)
            best = min(best, distance(b, s.x0 + t * (s.x1 - s.x0), s.y0 + t * (s.y1 - s.y0)))
        }
        return best
    }
}
