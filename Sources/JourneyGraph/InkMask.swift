/// Where a drawing has ink, as a grid of pixels over the drawing at poster scale, with a
/// summed-area table so that "is anything drawn in this rectangle?" costs four look-ups
/// whatever its size: the tile planner asks it for every sheet of every grid it tries.
public struct InkMask: Sendable, Equatable {
    /// Pixels across and down, and pixels a point.
    public let width: Int, height: Int, pixelsPerPoint: Double
    /// (width + 1) × (height + 1) running sums of inked pixels.
    let sums: [Int32]

    /// A mask from `pixels` (row by row, non-zero where ink shows).
    public init(width: Int, height: Int, pixelsPerPoint: Double, pixels: [UInt8]) {
        precondition(pixels.count == width * height)
        self.width = width
        self.height = height
        self.pixelsPerPoint = pixelsPerPoint
        var sums = [Int32](repeating: 0, count: (width + 1) * (height + 1))
        for y in 0..<height {
            var row: Int32 = 0
            for x in 0..<width {
                row += pixels[y * width + x] == 0 ? 0 : 1
                sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1] + row
            }
        }
        self.sums = sums
    }

    /// Whether anything is drawn in the rectangle (points from the drawing's top-left corner;
    /// parts outside the drawing count as bare).
    public func hasInk(x: Double, y: Double, width w: Double, height h: Double) -> Bool {
        let x0 = max(0, min(width, Int((x * pixelsPerPoint).rounded(.down))))
        let y0 = max(0, min(height, Int((y * pixelsPerPoint).rounded(.down))))
        let x1 = max(0, min(width, Int(((x + w) * pixelsPerPoint).rounded(.up))))
        let y1 = max(0, min(height, Int(((y + h) * pixelsPerPoint).rounded(.up))))
        guard x1 > x0, y1 > y0 else { return false }
        let stride = width + 1
        return sums[y1 * stride + x1] - sums[y0 * stride + x1] - sums[y1 * stride + x0] + sums[y0 * stride + x0] > 0
    }
}
