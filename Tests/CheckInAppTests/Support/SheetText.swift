/// Pieces of members spreadsheets for the import tests.
enum SheetText {
  /// The thirteen required columns, in the documented order.
  static let header =
    "member_id,full_name,phone,qr_code,branch_id,is_active,subscription_id,kind,status,total,"
    + "remaining,start_date,end_date"

  /// The header with the optional columns too.
  static let fullHeader = header + ",date_of_birth,notes"

  /// A file of `header` and `rows`, LF line endings, a final newline.
  static func file(_ rows: [String], header: String = header) -> String {
    ([header] + rows).joined(separator: "\n") + "\n"
  }
}
