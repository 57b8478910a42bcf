/// The two themes compiled into the program, so the station always has something to draw with:
/// `default` (also in Themes/default.json) and `mono` (bold, reverse and underline only).
extension Theme {
  public static let standard: Theme = {
    func style(_ fg: String?, _ bg: String? = nil, bold: Bool = false, dim: Bool = false)
      -> Style
    {
      Style(
        foreground: fg.flatMap(ThemeColor.init(name:)),
        background: bg.flatMap(ThemeColor.init(name:)), bold: bold, dim: dim)
    }
    return Theme(
      name: "default",
      styles: [
        .normal: style(nil),
        .title: style("cyan", bold: true),
        .label: style("cyan"),
        .value: style(nil, bold: true),
        .muted: style(nil, dim: true),
        .border: style("blue"),
        .scanField: style("bright-white", "blue", bold: true),
        .good: style("green", bold: true),
        .warning: style("yellow", bold: true),
        .danger: style("red", bold: true),
        .selection: style("black", "cyan", bold: true),
        .key: style("yellow", bold: true),
        .statusBar: style("white", "blue"),
        .statusKey: style("bright-yellow", "blue", bold: true),
        .bannerGood: style("bright-white", "green", bold: true),
        .bannerRefused: style("bright-white", "red", bold: true),
        .bannerStaff: style("black", "yellow", bold: true),
        .bannerInfo: style("bright-white", "blue", bold: true),
        .alertBirthday: style("magenta", bold: true),
        .alertNotes: style("yellow"),
        .alertEnding: style("yellow", bold: true),
        .alertLowBalance: style("red", bold: true),
        .barFilled: style("green"),
        .barEmpty: style(nil, dim: true),
        .histogram: style("cyan"),
      ])
  }()

  public static let mono: Theme = {
    let plain = Style()
    let bold = Style(bold: true)
    let reverse = Style(bold: true, reverse: true)
    let underline = Style(underline: true)
    let dim = Style(dim: true)
    return Theme(
      name: "mono",
      styles: [
        .normal: plain, .title: bold, .label: plain, .value: bold, .muted: dim, .border: plain,
        .scanField: reverse, .good: bold, .warning: underline, .danger: reverse,
        .selection: reverse, .key: bold, .statusBar: reverse, .statusKey: reverse,
        .bannerGood: reverse,
        .bannerRefused: reverse, .bannerStaff: reverse, .bannerInfo: reverse, .alertBirthday: bold,
        .alertNotes: underline, .alertEnding: underline, .alertLowBalance: reverse,
        .barFilled: bold, .barEmpty: dim, .histogram: bold,
      ])
  }()
}
