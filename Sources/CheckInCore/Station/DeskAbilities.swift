/// Something the desk can ask the station to do with a key.
public enum DeskAction: Hashable, Sendable, CaseIterable {
  /// Record the open dialog's highlighted choice (Enter).
  case confirm
  /// Move the dialog's highlight between Check-In Only and Deduct Session.
  case switchChoice
  /// Show another of the member's usable plans.
  case switchPlan
  /// Let a refused member in anyway, with a reason.
  case override
  /// Void this station's newest check-in, or the visit highlighted in today's visits.
  case undo
  case search
  case today
  /// Type a kiosk's unlock code, or lock it again.
  case lock
  case help
  case quit

  /// Actions a locked kiosk keeps from the member at the door.
  public var isStaffOnly: Bool {
    switch self {
    case .override, .undo, .search, .today, .quit: true
    case .confirm, .switchChoice, .switchPlan, .lock, .help: false
    }
  }
}

/// What the desk may do now, decided once from the screen, the store and the kiosk lock. The
/// reducer guards with it; key bindings, hints, help and banners read it, so none of them offers
/// what the reducer would refuse.
public struct DeskAbilities: Hashable, Sendable {
  /// What the screen and the store allow, whoever is at the keys.
  public var available: Set<DeskAction>
  /// Whether staff-only actions work (always at a desk; at a kiosk only while unlocked).
  public var staffUnlocked: Bool

  public init(available: Set<DeskAction>, staffUnlocked: Bool) {
    self.available = available
    self.staffUnlocked = staffUnlocked
  }

  /// Whether `action` does something when asked now.
  public func allows(_ action: DeskAction) -> Bool {
    available.contains(action) && (staffUnlocked || !action.isStaffOnly)
  }

  /// Whether `action` is possible here but kept back by the kiosk lock: its key explains how to
  /// unlock instead of doing nothing.
  public func needsUnlock(_ action: DeskAction) -> Bool {
    available.contains(action) && !staffUnlocked && action.isStaffOnly
  }
}

extension StationState {
  /// What the desk may do in this state.
  public func abilities(_ context: StationContext) -> DeskAbilities {
    var available: Set<DeskAction> = [.help]
    let idle: Bool
    switch phase {
    case .ready:
      idle = true
    case .result(let banner):
      idle = true
      if case .refused = banner.outcome, banner.card != nil, context.allowsOverride {
        available.insert(.override)
      }
    case .member(let dialog):
      idle = false
      available.insert(.confirm)
      if dialog.canDeduct { available.insert(.switchChoice) }
      if dialog.plans.count > 1 { available.insert(.switchPlan) }
    case .searching(let panel):
      idle = false
      if context.kiosk?.unlockCode.isEmpty == false { available.insert(.lock) }
      if context.allowsUndo, let entry = panel.selectedVisit, canVoid(entry, context) {
        available.insert(.undo)
      }
    default:
      idle = false
    }
    if idle {
      available.formUnion([.search, .today, .quit])
      if context.allowsUndo, undoCandidate(context) != nil { available.insert(.undo) }
      if context.kiosk?.unlockCode.isEmpty == false { available.insert(.lock) }
    }
    if !viewFits {
      // Nothing acts on a screen that isn't drawn.
      available = available.intersection([.quit])
    }
    return DeskAbilities(available: available, staffUnlocked: isStaffUnlocked(context))
  }
}
