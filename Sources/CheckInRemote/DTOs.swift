import Foundation

// The backend's JSON, decoded leniently: the two deployed versions differ (API.md), so every field
// the station doesn't strictly need is optional and unknown fields are ignored.

/// `{"success": ..., "message": ..., "data": ..., "error": ..., "errors": ...}`, or the JWT
/// layer's `{"msg": ...}`.
struct Envelope<Payload: Decodable>: Decodable {
  let success: Bool?
  let message: String?
  let data: Payload?
  let error: String?
  let errors: ErrorDetails?
  let msg: String?
}

struct ErrorDetails: Decodable, Sendable {
  let code: String?
  let customerName: String?
  let hasExpiredSubscription: Bool?
  let lastSubscriptionEndDate: String?
  let freezeReason: String?
  let frozenDate: String?

  enum CodingKeys: String, CodingKey {
    case code
    case customerName = "customer_name"
    case hasExpiredSubscription = "has_expired_subscription"
    case lastSubscriptionEndDate = "last_subscription_end_date"
    case freezeReason = "freeze_reason"
    case frozenDate = "frozen_date"
  }
}

/// An envelope whose `data` the station doesn't read.
struct Ignored: Decodable {}

struct LoginData: Decodable {
  let accessToken: String
  let user: UserDTO

  enum CodingKeys: String, CodingKey {
    case accessToken = "access_token"
    case user
  }
}

struct UserDTO: Codable, Sendable, Equatable {
  let id: Int64
  let username: String
  let fullName: String?
  let role: String?
  let branchID: Int64?
  let branchName: String?
  let isActive: Bool?

  enum CodingKeys: String, CodingKey {
    case id, username, role
    case fullName = "full_name"
    case branchID = "branch_id"
    case branchName = "branch_name"
    case isActive = "is_active"
  }
}

struct CustomerDTO: Decodable, Sendable {
  let id: Int64
  let fullName: String
  let phone: String?
  let qrCode: String?
  let branchID: Int64?
  let branchName: String?
  let isActive: Bool?
  let dateOfBirth: String?
  let healthNotes: String?
  /// The server's own view, from plan statuses alone (a used-up or ended plan still counts).
  var hasActiveSubscription: Bool? = nil

  enum CodingKeys: String, CodingKey {
    case id, phone
    case hasActiveSubscription = "has_active_subscription"
    case fullName = "full_name"
    case qrCode = "qr_code"
    case branchID = "branch_id"
    case branchName = "branch_name"
    case isActive = "is_active"
    case dateOfBirth = "date_of_birth"
    case healthNotes = "health_notes"
  }
}

struct SearchData: Decodable {
  let items: [CustomerDTO]
  let total: Int?
}

/// The subscription list: only the ids (and how the status is spelled, which tells the server's
/// version) are used, since its items are incomplete in both versions.
struct SubscriptionListData: Decodable {
  struct Item: Decodable {
    let id: Int64
    let status: String?
  }
  let items: [Item]
}

struct SubscriptionDTO: Decodable, Sendable {
  let id: Int64
  let subscriptionType: String?
  let status: String?
  let remainingSessions: Int?
  let totalSessions: Int?
  let remainingCoins: Int?
  let totalCoins: Int?
  let startDate: String?
  let endDate: String?
  let serviceName: String?
  let displayLabel: String?
  let freezeReason: String?
  let freezeEndDate: String?
  let grantsGymEntry: Bool?

  enum CodingKeys: String, CodingKey {
    case id, status
    case freezeEndDate = "freeze_end_date"
    case grantsGymEntry = "grants_gym_entry"
    case subscriptionType = "subscription_type"
    case remainingSessions = "remaining_sessions"
    case totalSessions = "total_sessions"
    case remainingCoins = "remaining_coins"
    case totalCoins = "total_coins"
    case startDate = "start_date"
    case endDate = "end_date"
    case serviceName = "service_name"
    case displayLabel = "display_label"
    case freezeReason = "freeze_reason"
  }
}

/// The answer to `POST /api/attendance`, in both deployed shapes and the seed's.
struct AttendanceData: Decodable, Sendable {
  let attendanceID: Int64?
  let entryID: Int64?
  let customerID: Int64?
  let customerName: String?
  let checkInTime: String?
  let coinsDeducted: Int?
  let sessionsDeducted: Int?
  let remainingCoins: Int?
  let remainingSessions: Int?
  let subscriptionType: String?
  let subscriptionEndDate: String?
  /// The seed's shape: `data.attendance {id, ...}` and no deduction fields.
  let attendance: SeedAttendance?

  struct SeedAttendance: Decodable, Sendable {
    let id: Int64
    let customerName: String?
    let checkInTime: String?

    enum CodingKeys: String, CodingKey {
      case id
      case customerName = "customer_name"
      case checkInTime = "check_in_time"
    }
  }

  enum CodingKeys: String, CodingKey {
    case attendance
    case attendanceID = "attendance_id"
    case entryID = "entry_id"
    case customerID = "customer_id"
    case customerName = "customer_name"
    case checkInTime = "check_in_time"
    case coinsDeducted = "coins_deducted"
    case sessionsDeducted = "sessions_deducted"
    case remainingCoins = "remaining_coins"
    case remainingSessions = "remaining_sessions"
    case subscriptionType = "subscription_type"
    case subscriptionEndDate = "subscription_end_date"
  }
}

/// The answer to the seed's `deduct-session` / `use-coins`.
struct DeductionData: Decodable, Sendable {
  let remainingSessions: Int?
  let remainingCoins: Int?
  let subscription: SubscriptionDTO?

  enum CodingKeys: String, CodingKey {
    case subscription
    case remainingSessions = "remaining_sessions"
    case remainingCoins = "remaining_coins"
  }
}

struct EntryLogsData: Decodable {
  struct Entry: Decodable, Sendable {
    let id: Int64
    let customerID: Int64?
    let customerName: String?
    let entryTime: String?
    let entryStatus: String?
    let coinsDeducted: Int?
    let subscriptionID: Int64?
    let branchID: Int64?

    enum CodingKeys: String, CodingKey {
      case id
      case customerID = "customer_id"
      case customerName = "customer_name"
      case entryTime = "entry_time"
      case entryStatus = "entry_status"
      case coinsDeducted = "coins_deducted"
      case subscriptionID = "subscription_id"
      case branchID = "branch_id"
    }
  }

  struct Pagination: Decodable {
    let pages: Int?
    let currentPage: Int?
    /// How many entries the listing holds, on every page.
    let total: Int?

    enum CodingKeys: String, CodingKey {
      case pages, total
      case currentPage = "current_page"
    }
  }

  let entries: [Entry]
  let pagination: Pagination?
}
