import CNCursesW
import CheckInUI

/// A theme resolved for one terminal: a colour pair and attribute bits for every role.
struct Palette {
  struct Attributes {
    var attributes: Int32
    var pair: Int32
  }

  private let theme: Theme
  private let colorCount: Int
  private(set) var pairs: [Role: Int] = [:]

  init(theme: Theme, colors: Int) {
    self.theme = theme
    self.colorCount = colors
    guard colors > 0 else { return }
    for (index, role) in Role.allCases.enumerated() where theme.style(for: role).usesColor {
      pairs[role] = index + 1
    }
  }

  func colors(for role: Role) -> (foreground: Int, background: Int) {
    let style = theme.style(for: role)
    return (
      style.foreground?.number(forTerminalColors: colorCount) ?? -1,
      style.background?.number(forTerminalColors: colorCount) ?? -1
    )
  }

  func attributes(for role: Role) -> Attributes {
    let style = theme.style(for: role)
    var bits: Int32 = 0
    if style.bold { bits |= Int32(CKT_BOLD) }
    if style.dim { bits |= Int32(CKT_DIM) }
    if style.underline { bits |= Int32(CKT_UNDERLINE) }
    if style.reverse { bits |= Int32(CKT_REVERSE) }
    return Attributes(attributes: bits, pair: Int32(pairs[role] ?? 0))
  }
}
