/// The rows of a pick list a short terminal has room for: a run of `rows` items that holds the
/// highlighted one, scrolled as little as possible.
struct PickWindow: Equatable {
  let range: Range<Int>

  /// `choice` may be past the last item (a row after the list, like a reason typed by hand):
  /// the window then ends with the list.
  init(count: Int, choice: Int, rows: Int) {
    let rows = max(1, rows)
    guard count > rows else {
      range = 0..<count
      return
    }
    let anchor = min(max(choice, 0), count - 1)
    let start = min(max(anchor - rows / 2, 0), count - rows)
    range = start..<(start + rows)
  }
}
