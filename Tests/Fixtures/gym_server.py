#!/usr/bin/env python3
"""A stand-in for the gym chain's backend, for CheckIn Station's remote tests.

The real backend is a Flask application with JWT auth that we cannot run in
tests. This file reproduces what it *does*, as written down in
../../../shared/API.md (observed on two deployed versions), plus the
behaviour its original specification asked for. Standard library + Flask 3.

    python3 gym_server.py --mode v-aug|v-feb|seed-spec --port 0 \\
        --port-file PATH [--state-file PATH] [--parent-pid PID] \\
        [--field [--delay-ms N]] [--verbose]

It binds 127.0.0.1 (port 0 = a free port), writes the port number to
--port-file once it is listening, and serves HTTP/1.1 with keep-alive, one
thread per connection. A state file, when it exists at start, wins over
the command line for everything it holds (mode, field mode, delay, hang,
gym rule): a restart carries on as the stopped server was.

Transport
---------
keep-alive (default)  Connections are kept open and reused; API requests
           run side by side, one thread per connection. Fast, and what the
           ``connection`` numbers in the request log are about.
field      (``--field``, or the reset control's ``"field": true``) How the
           deployed servers answer, for timing the client (API.md,
           "Speed"): every API answer carries ``Connection: close`` and
           its connection is closed after it, so each request costs a new
           TCP connection; API requests are handled one at a time across
           all connections (a single-threaded server), and each sleeps
           ``--delay-ms`` (default 25) while holding its turn, before the
           app runs. So N requests sent at once take about N x delay. The
           request log's ``queued_ms`` says how long a request waited for
           its turn (null outside field mode). Faults' sleeps (slow,
           slow_after_commit) happen inside the turn too; "down", "drop"
           and a hang never take it. Control routes are never delayed,
           serialised or closed. ``--delay-ms`` applies only with
           ``--field``.

Modes
-----
v-feb      February's backend: POST /api/attendance needs ``branch_id`` and
           checks no branch; it picks the plan and deducts by itself. The
           plan: the first "active" one in id order, whatever its end date
           or service (private training too); a member with no active plan
           is NO_SUBSCRIPTION (never FROZEN: frozen plans are not looked
           at); an active plan with nothing left is NO_COINS / NO_SESSIONS.
v-aug      August's backend: ``branch_id`` ignored, the user's own branch is
           used, other branches' members are "not found" (404) at check-in
           and "Access denied" (403) elsewhere; login is rate limited. At
           POST /api/attendance it first settles the member's finished
           freezes (frozen with ``freeze_end_date`` before today -> active,
           freeze fields cleared), then picks among plans that grant gym
           entry (all plans when the gym rule ``pt_only_members_may_enter``
           is on) that are "active" or "frozen": active first, then the
           latest end date, then the lowest id; no end-date check. None ->
           NO_SUBSCRIPTION (so private training alone is refused); frozen
           -> FROZEN; nothing left -> NO_COINS / NO_SESSIONS.
seed-spec  The server the specification described: POST /api/attendance
           only records (201, ``data.attendance``), and
           POST /api/subscriptions/{id}/deduct-session and /use-coins exist.
           Everything else behaves as v-aug.

In v-feb and v-aug the check-in deducts 1 coin (coins), 1 session
(sessions, training) or nothing (time_based) from the plan it picked,
whatever ``action`` or ``subscription_id`` the client sent, and does not
look at the member's ``is_active`` (seed-spec's endpoint still refuses an
inactive member with 400). In every mode, GET /api/subscriptions/{id}
switches a plan whose end date has passed to "expired" and keeps it so
(the first read after the end date says expired); nothing else does: not
the list, not the check-in. GET /api/customers/search answers 500
``{"success": false, "error": "Internal server error"}`` when the query
matches (active members of the user's branches, by substring) a member
whose stored ``gender`` is lower case (member 129), whatever ``limit``.

Seed data (identical in every mode; dates relative to the start day T)
---------------------------------------------------------------------
Branches: 1 "Main", 2 "Downtown" (gym 1, "Iron Temple Gym").

Users (username / password, role, branch):
    1 reception1 / pass-1   front_desk      1
    2 reception2 / pass-2   front_desk      2
    3 manager    / pass-3   branch_manager  1   (v-aug login adds ``gym``)
    4 gone       / pass-4   front_desk      1   inactive: 401 at login
    5 accountant / pass-5   accountant      1   may not check anyone in

Customers (stored qr_code; branch 1 unless said; gender stored upper case,
"MALE" / "FEMALE", except 129's) and their plans:
    115 Adel Saad       GYM-115-9F3A0C1B (regenerated: GYM-115 is retired)
        sub 45 sessions  "12 Sessions"  7 of 12 left, ends T+40
    116 Nour Hassan     GYM-116
        sub 46 coins     "30 Coins"     20 of 30 left, ends T+80
    117 Omar Khaled     (none: qr_code reads "customer_id:117")
        sub 47 time      "Monthly"      ends T+9 ("9 days")
    118 Salma Youssef   GYM-118
        sub 48 training  "8 Training Sessions"  4 of 8 left, ends T+16
    119 Youssef Ali     GYM-119
        sub 49 sessions  FROZEN "Travelling for work" since T-3, 10 of 12
                         (no freeze end date: never settled)
    120 Mariam Adel     GYM-120  (expired only)
        sub 50 time      status still "active", ended T-5 (the POST still
                         admits on it; the first GET of it makes it expired)
        sub 51 coins     status "expired", ended T-60
    121 Hany Samir      GYM-121
        sub 52 sessions  0 of 8 left (used up), ends T+5
    122 Dina Farouk     GYM-122
        sub 53 coins     0 of 20 left (used up), ends T+50
    123 Ahmed Mahmoud   GYM-123  branch 2
        sub 54 sessions  5 of 10 left, ends T+55
    124 Rania Said      GYM-124  inactive customer (checked in and charged
                                 all the same, except in seed-spec)
        sub 55 time      "Monthly", ends T+27
    125 Khaled Ibrahim  CUST-125
        sub 56 time      "Quarterly", ends T+60
    126 ليلى عبد الرحمن (Laila Abdelrahman)  GYM-126
        sub 57 coins     "15 Coins"     12 of 15 left, ends T+83
    127 Sherif Mounir   GYM-127  (v-feb charges 58, the first active row:
                                 nothing; v-aug 59, the later end: a session)
        sub 58 time      "Monthly", ends T+20
        sub 59 sessions  "10 Sessions"  6 of 10 left, ends T+50
    128 Fady Wagdy      GYM-128  no subscription at all
    129 Hoda Nabil      GYM-129  gender stored "female" (lower case, as
                                 POST /api/customers stored it): every
                                 search that matches her answers 500
        sub 60 coins     "20 Coins"     9 of 20 left, ends T+30
    130 Tamer Hosny     GYM-130  (both versions charge 61: the first row
                                 and the latest end)
        sub 61 coins     "30 Coins"     16 of 30 left, ends T+70
        sub 62 coins     "20 Coins"     5 of 20 left, ends T+20
    131 Mona Zaki       GYM-131  (v-feb charges 63, the first row; v-aug
                                 charges 64, the latest end)
        sub 63 coins     "20 Coins"     5 of 20 left, ends T+20
        sub 64 coins     "30 Coins"     16 of 30 left, ends T+70
    132 Sami Adel       GYM-132  (a finished freeze: v-aug settles it at the
                                 POST and charges it; v-feb answers
                                 NO_SUBSCRIPTION; GET of 65 reads frozen)
        sub 65 sessions  FROZEN "Injury" since T-20, until T-2 (the
                         ``freeze_end_date``), 8 of 12 left, ends T+60
    133 Lina Fouad      GYM-133  (private training only: v-aug answers 403
                                 NO_SUBSCRIPTION; v-feb admits and charges)
        sub 66 training  "Private Training"  6 of 10 left, ends T+30,
                         grants_gym_entry false

Gym rules (store level, back to these on reset):
    pt_only_members_may_enter  false   v-aug: when true, plans that do not
                                       grant gym entry count at the door

Test controls (no auth; never logged, never faulted; plain JSON answers)
-----------------------------------------------------------------------
POST /__control__/reset         {"mode"?: "v-feb" | "v-aug" | "seed-spec",
                                 "field"?: false, "delay_ms"?: number}
    Re-seed (dates from today); clear attendance, deductions, faults, the
    request log and rate limits; gym rules back to their defaults; lift
    "down" and "hanging"; rotate the JWT secret, so old tokens get 422
    "Signature verification failed". The transport is set afresh: field
    mode on only when "field" is true, with "delay_ms" (default 25 then);
    a reset without "field" turns field mode off and the delay to 0.
                                  -> {"mode", "field", "delay_ms"}
POST /__control__/fault         {"kind", "path"?, "method"?, "count"?: 1,
                                 "seconds"?: 0, "code"?: 500, "location"?,
                                 "query"?: {name: value}}
    Queue a fault for the next ``count`` API requests whose path starts
    with ``path``, whose method is ``method`` (defaults: FAULT_KINDS) and
    whose query string has every ``query`` parameter with that value
    (text; e.g. {"page": "2"} for a listing's second page). The first
    matching queued fault applies.                        -> {"pending"}
    Kinds: slow, slow_after_commit, status, drop, drop_after_commit,
    garbage, wrong_shape, rate_limit, redirect (``code`` 300-399, default
    307, to ``location``); expire_tokens acts at once and answers
    {"expired": n}.
POST /__control__/clear-faults                            -> {"pending"}
POST /__control__/recode        {"customer_id", "qr_code"}
    Give a member a new stored code, retiring the old one, as the back
    office's "regenerate QR code" does.                   -> {"qr_code"}
POST /__control__/entries       {"branch_id", "customer_id", "count",
                                 "start", "step_seconds"?: 0,
                                 "status"?: "approved" | "denied"}
    Append ``count`` door events at once, as that many check-ins (or
    refusals) at branch ``branch_id`` would have: the first at ``start``
    (ISO 8601, UTC when it has no offset), each next one ``step_seconds``
    later, with the next ids, as "qr_scan" entries: an approved one on
    the member's first plan, deducting nothing; a refusal on no plan, as
    NO_SUBSCRIPTION. They are in the entry log like any other, and the
    approved ones are attendance (one table); no balance changes. For
    busy days without thousands of requests.  -> {"added", "first_id",
                                                   "last_id"}
POST /__control__/gym-rules     {"pt_only_members_may_enter"?: bool}
    Change the gym's rules (see "Gym rules"); keys left out stay as they
    are.                          -> {"pt_only_members_may_enter"}
GET  /__control__/state
    {"mode", "down", "hanging", "field", "delay_ms", "connections",
     "gym_rules": {"pt_only_members_may_enter"},
     "subscriptions": {"45": {"remaining_sessions", "remaining_coins"}},
     "attendance": [{"id", "customer_id", "subscription_id",
                     "sessions_deducted", "coins_deducted", "branch_id",
                     "check_in_time", "action"}]          (approved only),
     "deductions": [{"subscription_id", "sessions", "coins", "source",
                     "time"}],
     "faults": [pending faults],
     "requests": [{"method", "path", "query", "body", "status", "time",
                   "connection", "fault", "queued_ms"}]}
    ``status`` is null when nothing was answered; equal ``connection``
    numbers mean one kept-alive connection carried both requests;
    ``fault`` is "down" or "hang" for requests those turned away;
    ``queued_ms`` is the wait for the request's turn in field mode (null
    outside it, and for requests that never got that far).
POST /__control__/down, /up
    While down, every API request is answered by closing its connection
    before its body is read (control routes keep working).
POST /__control__/hang                                    -> {"hanging"}
    A server that accepts and never answers: until /up (or a reset), every
    API request is read in full and then left unanswered; its connection
    is closed, still without an answer, once the hang is lifted. Queued
    faults are not used up meanwhile. /up lifts "down" and the hang.

"Server down" can also be simulated for real: stop the process with SIGTERM
(it saves its state to --state-file) and start it again with the same
--port and --state-file; clients then see "connection refused" in between,
and the restarted server keeps members, balances, attendance and tokens.

A note for client tests: when a kept-alive connection is closed without an
answer, libcurl (URLSession on Linux) resends the request on a new
connection with its headers but without its body. Under "down" that resend
is hung up on too; after a single "drop" it waits for a body that never
comes, and the client times out. Use count >= 2 or "down" for a prompt
failure on a kept-alive connection.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import dataclasses
import errno
import hashlib
import hmac
import io
import json
import math
import os
import secrets
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import wraps
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote_to_bytes, urlsplit

try:
    from flask import Flask, g, jsonify, request
    from werkzeug.exceptions import BadRequest, HTTPException
except ImportError as missing:  # pragma: no cover - depends on the machine
    sys.stderr.write(
        "gym_server.py needs Flask 3 for python3 "
        f"({sys.executable}): {missing}. "
        "Install it with: python3 -m pip install 'flask>=3'\n")
    sys.exit(3)


# --------------------------------------------------------------------------
# Constants
# --------------------------------------------------------------------------

V_FEB, V_AUG, SEED_SPEC = "v-feb", "v-aug", "seed-spec"
MODES = (V_FEB, V_AUG, SEED_SPEC)

TOKEN_LIFETIME = timedelta(hours=12)
REFRESH_LIFETIME = timedelta(days=30)

# v-aug's flask-limiter rules for the login route: (hits, seconds, text).
LOGIN_LIMITS = ((30, 60, "30 per 1 minute"), (200, 3600, "200 per 1 hour"))

# Roles that may check members in (API.md); v-aug also lets a super admin.
CHECK_IN_ROLES = {"front_desk", "branch_manager", "owner"}
CHECK_IN_ROLES_V_AUG = CHECK_IN_ROLES | {"super_admin"}
ALL_BRANCH_ROLES = {"owner", "super_admin"}

SESSION_KINDS = ("sessions", "training")

GYM = {
    "id": 1,
    "name": "Iron Temple Gym",
    "primary_color": "#C62828",
    "secondary_color": "#212121",
    "logo_url": None,
}

# Fault kinds -> the (path prefix, method) they apply to when the test names
# none; None matches any API request.
FAULT_KINDS = {
    "slow": (None, None),           # sleep, then answer normally
    "slow_after_commit": ("/api/attendance", "POST"),  # act, then sleep
    "status": (None, None),         # {"code"}: a JSON error, backend unused
    "drop": (None, None),           # close without answering, backend unused
    "drop_after_commit": ("/api/attendance", "POST"),  # act, then close
    "garbage": (None, None),        # 200 with an HTML body
    "wrong_shape": (None, None),    # 200 JSON that is not the envelope
    "rate_limit": ("/api/auth/login", "POST"),  # 429 like v-aug's limiter
    "redirect": (None, None),       # {"code", "location"}: backend unused
    "expire_tokens": (None, None),  # applied at once, never queued
}

GARBAGE_BODY = (
    b"<!DOCTYPE html>\n<html><head><title>Gym</title></head>"
    b"<body><h1>Service temporarily unavailable</h1></body></html>\n")
WRONG_SHAPE_BODY = {"status": "ok", "payload": {"id": 115, "items": []}}

# The gym's settings that change who gets in (v-aug reads them at the door).
DEFAULT_GYM_RULES = {"pt_only_members_may_enter": False}

# Field mode's per-request delay when none is given (--delay-ms, reset).
DEFAULT_FIELD_DELAY_MS = 25.0

# What the deployed search answers when serialising a member fails.
SEARCH_FAILURE = {"success": False, "error": "Internal server error"}


# --------------------------------------------------------------------------
# Time: naive UTC everywhere, as the backend stores it
# --------------------------------------------------------------------------

def utc_now() -> datetime:
    """Naive UTC now: the backend's columns have no time zone."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def iso_time(moment: datetime) -> str:
    """The backend's timestamp text: ISO 8601, microseconds, no ``Z``."""
    return moment.isoformat(timespec="microseconds")


def today() -> date:
    """The current UTC day, which decides whether a plan is still valid."""
    return utc_now().date()


def day_text(start: date, offset: int) -> str:
    """A date column's text, ``offset`` days after ``start``."""
    return (start + timedelta(days=offset)).isoformat()


# --------------------------------------------------------------------------
# Records. Dates are kept as ISO text (what the API returns, and what
# compares correctly as text); records persist as plain JSON.
# --------------------------------------------------------------------------

@dataclass
class Branch:
    """A gym branch; receptionists belong to one."""

    id: int
    name: str
    address: str


@dataclass
class User:
    """A staff account. Passwords are plain: this is a test fixture."""

    id: int
    username: str
    password: str
    full_name: str
    email: str
    role: str
    branch_id: int | None
    is_active: bool = True


@dataclass
class Customer:
    """A member. ``qr_code`` is None when no code was ever stored."""

    id: int
    full_name: str
    phone: str
    email: str
    national_id: str
    qr_code: str | None
    branch_id: int
    gender: str
    date_of_birth: str
    health_notes: str | None = None
    is_active: bool = True
    created_at: str = ""


@dataclass
class Subscription:
    """A member's plan; counts are None for kinds that have none."""

    id: int
    customer_id: int
    branch_id: int
    service_id: int
    service_name: str
    subscription_type: str          # coins | sessions | training | time_based
    status: str                     # active | frozen | stopped | expired
    start_date: str
    end_date: str
    price: float
    total_sessions: int | None = None
    remaining_sessions: int | None = None
    total_coins: int | None = None
    remaining_coins: int | None = None
    grants_gym_entry: bool = True
    freeze_count: int = 0
    freeze_reason: str | None = None
    frozen_date: str | None = None
    # The agreed last day of a freeze; v-aug's door settles a freeze whose
    # end has passed. A default, so state files from before it still load.
    freeze_end_date: str | None = None
    created_at: str = ""


@dataclass
class Entry:
    """One door event: an approved check-in (an attendance) or a refusal.

    Attendance ids and entry-log ids are the same numbers on the real
    backend, so both live in one table.
    """

    id: int
    customer_id: int
    subscription_id: int | None
    branch_id: int | None
    entry_time: str
    entry_status: str               # approved | denied
    entry_type: str                 # qr_scan | manual
    coins_deducted: int = 0
    sessions_deducted: int = 0
    action: str | None = None       # what the client asked for, if anything
    denial_code: str | None = None


@dataclass
class Token:
    """What the server remembers about a JWT it issued."""

    jti: str
    user_id: int
    kind: str                       # access | refresh
    expires_at: float               # Unix time; expire_tokens rewrites it


@dataclass
class Fault:
    """A test-requested misbehaviour for the next ``count`` requests."""

    kind: str
    path: str | None = None
    method: str | None = None
    count: int = 1
    seconds: float = 0.0
    code: int = 500
    location: str | None = None
    # Query parameters (text) a request must carry, e.g. {"page": "2"}.
    query: dict | None = None


@dataclass
class Deduction:
    """A change to a balance, whoever made it: for exactly-once checks."""

    subscription_id: int
    sessions: int
    coins: int
    source: str                     # attendance | deduct-session | use-coins
    time: str


@dataclass
class RequestRecord:
    """One API request as the server saw it (control calls excluded)."""

    method: str
    path: str
    query: dict
    body: object
    status: int | None
    time: str
    connection: int
    fault: str | None = None
    queued_ms: float | None = None  # field mode: the wait for its turn


# --------------------------------------------------------------------------
# Seed data
# --------------------------------------------------------------------------

def seed_records(start: date) -> dict:
    """The fixture's gym, rebuilt relative to ``start`` so plans are valid.

    Kept as one literal table so tests and the module docstring can be
    checked against each other at a glance.
    """
    created = iso_time(datetime.combine(start - timedelta(days=200),
                                        datetime.min.time()))
    branches = [Branch(1, "Main", "12 Tahrir Street"),
                Branch(2, "Downtown", "5 Talaat Harb Street")]
    users = [
        User(1, "reception1", "pass-1", "Mona Fathy",
             "mona@irontemple.example", "front_desk", 1),
        User(2, "reception2", "pass-2", "Karim Nabil",
             "karim@irontemple.example", "front_desk", 2),
        User(3, "manager", "pass-3", "Hala Mostafa",
             "hala@irontemple.example", "branch_manager", 1),
        User(4, "gone", "pass-4", "Tarek Fouad",
             "tarek@irontemple.example", "front_desk", 1, is_active=False),
        User(5, "accountant", "pass-5", "Samy Rizk",
             "samy@irontemple.example", "accountant", 1),
    ]

    def member(cid, name, phone, code, branch=1, gender="MALE",
               born="1990-01-01", notes=None, active=True):
        handle = name.split()[0].lower() if name.isascii() else "member"
        return Customer(
            id=cid, full_name=name, phone=phone,
            email=f"{handle}.{cid}@example.com",
            national_id=f"2{born[2:4]}{born[5:7]}{born[8:10]}01{cid:05d}",
            qr_code=code, branch_id=branch, gender=gender,
            date_of_birth=born, health_notes=notes, is_active=active,
            created_at=created)

    customers = [
        member(115, "Adel Saad", "01012345115", "GYM-115-9F3A0C1B",
               born="1990-04-12", notes="Asthma: inhaler kept at the desk"),
        member(116, "Nour Hassan", "01098765116", "GYM-116",
               gender="FEMALE", born="1995-05-05"),
        member(117, "Omar Khaled", "01111222117", None, born="1988-03-03"),
        member(118, "Salma Youssef", "01222333118", "GYM-118",
               gender="FEMALE", born="1999-09-19"),
        member(119, "Youssef Ali", "01555444119", "GYM-119",
               born="1985-11-30"),
        member(120, "Mariam Adel", "01033344120", "GYM-120",
               gender="FEMALE", born="1993-07-07"),
        member(121, "Hany Samir", "01044455121", "GYM-121",
               born="1979-02-14"),
        member(122, "Dina Farouk", "01066677122", "GYM-122",
               gender="FEMALE", born="2001-12-01"),
        member(123, "Ahmed Mahmoud", "01077788123", "GYM-123", branch=2,
               born="1992-08-08"),
        member(124, "Rania Said", "01088899124", "GYM-124",
               gender="FEMALE", born="1997-03-25", active=False),
        member(125, "Khaled Ibrahim", "01099900125", "CUST-125",
               born="1983-06-16"),
        member(126, "ليلى عبد الرحمن", "01100011126", "GYM-126",
               gender="FEMALE", born="2000-01-20"),
        member(127, "Sherif Mounir", "01111122127", "GYM-127",
               born="1991-10-10"),
        member(128, "Fady Wagdy", "01122233128", "GYM-128",
               born="1996-04-04"),
        # Registered through POST /api/customers, which stored the gender
        # as sent: the lower case that makes the deployed search fail.
        member(129, "Hoda Nabil", "01133344129", "GYM-129",
               gender="female", born="1994-02-02"),
        member(130, "Tamer Hosny", "01211100130", "GYM-130",
               born="1987-05-15"),
        member(131, "Mona Zaki", "01233300131", "GYM-131",
               gender="FEMALE", born="1998-08-18"),
        member(132, "Sami Adel", "01244400132", "GYM-132",
               born="1989-12-12"),
        member(133, "Lina Fouad", "01266600133", "GYM-133",
               gender="FEMALE", born="2002-06-26"),
    ]

    def plan(sid, cid, kind, service, begin, end, total=None, left=None,
             status="active", branch=1, **extra):
        counts = {}
        if kind in SESSION_KINDS:
            counts = {"total_sessions": total, "remaining_sessions": left}
        elif kind == "coins":
            counts = {"total_coins": total, "remaining_coins": left}
        return Subscription(
            id=sid, customer_id=cid, branch_id=branch,
            service_id=service[0], service_name=service[1],
            subscription_type=kind, status=status,
            start_date=day_text(start, begin), end_date=day_text(start, end),
            price=service[2], created_at=iso_time(
                datetime.combine(start + timedelta(days=begin),
                                 datetime.min.time()) + timedelta(hours=9)),
            **counts, **extra)

    monthly, quarterly = (1, "Monthly", 450.0), (2, "Quarterly", 1200.0)
    twelve, ten, eight = ((3, "12 Sessions", 600.0),
                          (9, "10 Sessions", 520.0), (4, "8 Sessions", 420.0))
    training = (5, "8 Training Sessions", 900.0)
    private = (10, "Private Training", 1500.0)
    coins30, coins20, coins15 = ((6, "30 Coins", 700.0),
                                 (7, "20 Coins", 480.0),
                                 (8, "15 Coins", 380.0))
    subscriptions = [
        plan(45, 115, "sessions", twelve, -20, 40, 12, 7),
        plan(46, 116, "coins", coins30, -10, 80, 30, 20),
        plan(47, 117, "time_based", monthly, -21, 9),
        plan(48, 118, "training", training, -14, 16, 8, 4),
        plan(49, 119, "sessions", twelve, -30, 45, 12, 10, status="frozen",
             freeze_count=1, freeze_reason="Travelling for work",
             frozen_date=day_text(start, -3)),
        plan(50, 120, "time_based", monthly, -35, -5),
        plan(51, 120, "coins", coins20, -120, -60, 20, 3, status="expired"),
        plan(52, 121, "sessions", eight, -25, 5, 8, 0),
        plan(53, 122, "coins", coins20, -40, 50, 20, 0),
        plan(54, 123, "sessions", ten, -5, 55, 10, 5, branch=2),
        plan(55, 124, "time_based", monthly, -3, 27),
        plan(56, 125, "time_based", quarterly, -30, 60),
        plan(57, 126, "coins", coins15, -7, 83, 15, 12),
        plan(58, 127, "time_based", monthly, -10, 20),
        plan(59, 127, "sessions", ten, -10, 50, 10, 6),
        plan(60, 129, "coins", coins20, -15, 30, 20, 9),
        plan(61, 130, "coins", coins30, -20, 70, 30, 16),
        plan(62, 130, "coins", coins20, -40, 20, 20, 5),
        plan(63, 131, "coins", coins20, -40, 20, 20, 5),
        plan(64, 131, "coins", coins30, -20, 70, 30, 16),
        plan(65, 132, "sessions", twelve, -40, 60, 12, 8, status="frozen",
             freeze_count=1, freeze_reason="Injury",
             frozen_date=day_text(start, -20),
             freeze_end_date=day_text(start, -2)),
        plan(66, 133, "training", private, -30, 30, 10, 6,
             grants_gym_entry=False),
    ]
    return {"branches": branches, "users": users, "customers": customers,
            "subscriptions": subscriptions}


# --------------------------------------------------------------------------
# JWT: real HS256 tokens, so a client that mangles one gets the library's
# own messages; the server also keeps a table so tests can expire them.
# --------------------------------------------------------------------------

class JwtError(Exception):
    """An authentication failure in flask-jwt-extended's ``{"msg"}`` shape."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def b64url_encode(raw: bytes) -> str:
    """Base64url without padding, as JWT segments are written."""
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def b64url_decode(text: str, part: str) -> bytes:
    """Decode a JWT segment, failing with PyJWT's 'Invalid ... padding'."""
    try:
        padded = text.encode("ascii") + b"=" * (-len(text) % 4)
        return base64.urlsafe_b64decode(padded)
    except (UnicodeEncodeError, binascii.Error, ValueError) as problem:
        raise JwtError(422, f"Invalid {part} padding") from problem


def sign(secret: str, signing_input: str) -> str:
    """HS256 signature of ``header.payload``."""
    digest = hmac.new(secret.encode(), signing_input.encode(),
                      hashlib.sha256).digest()
    return b64url_encode(digest)


def encode_jwt(secret: str, claims: dict) -> str:
    """A compact HS256 JWT, shaped like flask-jwt-extended's."""
    header = b64url_encode(json.dumps(
        {"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = b64url_encode(json.dumps(
        claims, separators=(",", ":")).encode())
    return f"{header}.{payload}.{sign(secret, header + '.' + payload)}"


def decode_jwt(secret: str, token: str) -> dict:
    """Check a token in PyJWT's order and return its claims.

    The order matters because it decides which message a malformed token
    gets (API.md quotes "Invalid header padding" and "Invalid header
    string: ..."), and all of them are 422, unlike expiry (401).
    """
    try:
        signing_input, crypto = token.rsplit(".", 1)
        header_part, payload_part = signing_input.split(".", 1)
    except ValueError as problem:
        raise JwtError(422, "Not enough segments") from problem
    header_raw = b64url_decode(header_part, "header")
    try:
        header = json.loads(header_raw)
    except ValueError as problem:
        raise JwtError(422, f"Invalid header string: {problem}") from problem
    if not isinstance(header, dict):
        raise JwtError(422, "Invalid header string: must be a json object")
    payload_raw = b64url_decode(payload_part, "payload")
    b64url_decode(crypto, "crypto")
    if header.get("alg") != "HS256":
        raise JwtError(422, "The specified alg value is not allowed")
    if not hmac.compare_digest(sign(secret, signing_input), crypto):
        raise JwtError(422, "Signature verification failed")
    try:
        claims = json.loads(payload_raw)
    except ValueError as problem:
        raise JwtError(422, f"Invalid payload string: {problem}") from problem
    if not isinstance(claims, dict):
        raise JwtError(422, "Invalid payload string: must be a json object")
    return claims


# --------------------------------------------------------------------------
# The store: every piece of state, behind one lock
# --------------------------------------------------------------------------

class GymStore:
    """The backend's database plus the fixture's test knobs.

    One re-entrant lock guards everything; handlers hold it for their whole
    run (requests are tiny) and never sleep while holding it. Field mode's
    ``turn`` lock is taken before it, never while holding it, and a hung
    request waits on ``hang_changed`` holding neither.
    """

    def __init__(self, mode: str):
        self.lock = threading.RLock()
        # Field mode: one API request at a time, like the deployed servers.
        self.turn = threading.Lock()
        # Wakes hung requests when the hang is lifted or the server stops.
        self.hang_changed = threading.Condition()
        self.hanging = False
        self.stopping = False
        self.field = False
        self.delay_ms = 0.0
        self.reset(mode)
        self.down = False
        self.connections = 0

    # -- lifecycle ---------------------------------------------------------

    def reset(self, mode: str) -> None:
        """Re-seed everything; a fresh secret makes every old token fail."""
        with self.lock:
            self.mode = mode
            self.secret = secrets.token_hex(32)
            self.seed_day = today().isoformat()
            seed = seed_records(today())
            self.branches = {b.id: b for b in seed["branches"]}
            self.users = {u.id: u for u in seed["users"]}
            self.customers = {c.id: c for c in seed["customers"]}
            self.subscriptions = {s.id: s for s in seed["subscriptions"]}
            self.entries: list[Entry] = []
            self.tokens: dict[str, Token] = {}
            self.faults: list[Fault] = []
            self.deductions: list[Deduction] = []
            self.requests: list[RequestRecord] = []
            self.login_hits: dict[str, list[float]] = {}
            self.gym_rules = dict(DEFAULT_GYM_RULES)

    def set_transport(self, field_mode: bool, delay_ms: float) -> None:
        """Switch field mode (close + serialise + delay) on or off."""
        with self.lock:
            self.field = field_mode
            self.delay_ms = float(delay_ms)

    # -- hanging -----------------------------------------------------------

    def set_hanging(self, hanging: bool) -> None:
        """Start or lift the hang; lifting wakes every waiting request."""
        with self.hang_changed:
            self.hanging = hanging
            self.hang_changed.notify_all()

    def wait_out_hang(self) -> None:
        """Block a hung request until the hang is lifted or we stop.

        Called holding no other lock, so controls, other connections and
        field mode's turn all carry on while requests hang.
        """
        with self.hang_changed:
            while self.hanging and not self.stopping:
                self.hang_changed.wait()

    def release_waiters(self) -> None:
        """Let hung requests end before the server closes (their threads
        are joined), without lifting the hang the state file carries."""
        with self.hang_changed:
            self.stopping = True
            self.hang_changed.notify_all()

    _PERSISTED = {"branches": Branch, "users": User, "customers": Customer,
                  "subscriptions": Subscription, "tokens": Token}
    _PERSISTED_LISTS = {"entries": Entry, "faults": Fault,
                        "deductions": Deduction, "requests": RequestRecord}

    def to_json(self) -> dict:
        """Everything a restarted server needs to carry on where it was."""
        with self.lock:
            saved = {"mode": self.mode, "secret": self.secret,
                     "seed_day": self.seed_day,
                     "gym_rules": dict(self.gym_rules),
                     "field": self.field, "delay_ms": self.delay_ms,
                     "hanging": self.hanging}
            for name in self._PERSISTED:
                saved[name] = [dataclasses.asdict(record)
                               for record in getattr(self, name).values()]
            for name in self._PERSISTED_LISTS:
                saved[name] = [dataclasses.asdict(record)
                               for record in getattr(self, name)]
            return saved

    @classmethod
    def from_json(cls, saved: dict) -> GymStore:
        """Rebuild a store written by ``to_json`` (a restart, not a reset)."""
        store = cls(saved["mode"])
        store.secret = saved["secret"]
        store.seed_day = saved["seed_day"]
        # Files written before these settings existed load with defaults.
        store.gym_rules.update(saved.get("gym_rules", {}))
        store.set_transport(bool(saved.get("field", False)),
                            saved.get("delay_ms", 0.0))
        store.set_hanging(bool(saved.get("hanging", False)))
        for name, kind in cls._PERSISTED.items():
            records = [kind(**fields) for fields in saved[name]]
            key = "jti" if kind is Token else "id"
            setattr(store, name, {getattr(r, key): r for r in records})
        for name, kind in cls._PERSISTED_LISTS.items():
            setattr(store, name, [kind(**fields) for fields in saved[name]])
        return store

    def save(self, path: str) -> None:
        """Write the state atomically, so a crash never leaves half a file."""
        temporary = f"{path}.tmp"
        with open(temporary, "w", encoding="utf-8") as file:
            json.dump(self.to_json(), file)
        os.replace(temporary, path)

    # -- tokens ------------------------------------------------------------

    def issue_tokens(self, user: User) -> tuple[str, str]:
        """An access token (12 h) and a refresh token nobody can use."""
        now = time.time()
        pair = []
        for kind, lifetime in (("access", TOKEN_LIFETIME),
                               ("refresh", REFRESH_LIFETIME)):
            jti = secrets.token_hex(16)
            expires = now + lifetime.total_seconds()
            self.tokens[jti] = Token(jti, user.id, kind, expires)
            pair.append(encode_jwt(self.secret, {
                "fresh": kind == "access", "iat": int(now), "jti": jti,
                "type": kind, "sub": str(user.id), "nbf": int(now),
                "exp": int(expires)}))
        return pair[0], pair[1]

    def expire_tokens(self) -> int:
        """Make every token issued so far expired, as if 12 h had passed."""
        now = time.time()
        for token in self.tokens.values():
            token.expires_at = min(token.expires_at, now - 1)
        return len(self.tokens)

    def user_for_header(self, header: str | None) -> User:
        """The user behind an Authorization header, or a JwtError."""
        header = (header or "").strip().strip(",")
        if not header:
            raise JwtError(401, "Missing Authorization Header")
        if not header.startswith("Bearer "):
            raise JwtError(401, "Missing 'Bearer' type in 'Authorization' "
                           "header. Expected 'Authorization: Bearer <JWT>'")
        claims = decode_jwt(self.secret, header[len("Bearer "):].strip())
        token = self.tokens.get(str(claims.get("jti")))
        if token is None:
            raise JwtError(401, "Token has been revoked")
        if token.expires_at <= time.time():
            raise JwtError(401, "Token has expired")
        if token.kind != "access":
            raise JwtError(422, "Only non-refresh tokens are allowed")
        return self.users[token.user_id]

    # -- rate limiting (v-aug) ---------------------------------------------

    def login_limit_hit(self, address: str) -> str | None:
        """Count a login attempt; the broken rule's text if over a limit."""
        now = time.monotonic()
        hits = [t for t in self.login_hits.get(address, [])
                if now - t < LOGIN_LIMITS[-1][1]]
        for allowed, seconds, text in LOGIN_LIMITS:
            if sum(1 for t in hits if now - t < seconds) >= allowed:
                self.login_hits[address] = hits
                return text
        hits.append(now)
        self.login_hits[address] = hits
        return None

    # -- faults and the request log ----------------------------------------

    def add_fault(self, fault: Fault) -> None:
        """Queue a fault; the first matching one applies to a request."""
        self.faults.append(fault)

    def take_fault(self, method: str, path: str,
                   query: dict | None = None) -> Fault | None:
        """Consume one use of the first fault that matches this request."""
        with self.lock:
            if self.down:
                return Fault("down")
            if self.hanging:
                return Fault("hang")    # queued faults wait for the lift
            for fault in self.faults:
                if fault.method and fault.method != method:
                    continue
                if fault.path and not path.startswith(fault.path):
                    continue
                if fault.query and any((query or {}).get(name) != value
                                       for name, value in fault.query.items()):
                    continue
                fault.count -= 1
                if fault.count <= 0:
                    self.faults.remove(fault)
                return dataclasses.replace(fault)
            return None

    def log_request(self, record: RequestRecord) -> RequestRecord:
        """Remember a request before answering, so a test can see it even
        while the answer is still being delayed."""
        with self.lock:
            self.requests.append(record)
        return record

    # -- queries -----------------------------------------------------------

    def covers(self, user: User, branch_id: int | None) -> bool:
        """Whether ``user`` may see a branch's members (v-aug's rule)."""
        return user.role in ALL_BRANCH_ROLES or user.branch_id == branch_id

    def branch_name(self, branch_id: int | None) -> str | None:
        """A branch's name, None for an unknown id."""
        branch = self.branches.get(branch_id)
        return branch.name if branch else None

    def plans_of(self, customer_id: int) -> list[Subscription]:
        """A member's subscriptions in id order (v-feb's door relies on it)."""
        return sorted((s for s in self.subscriptions.values()
                       if s.customer_id == customer_id), key=lambda s: s.id)

    def record_entry(self, **fields) -> Entry:
        """Append a door event with the next id (shared by both kinds)."""
        entry = Entry(id=len(self.entries) + 1, **fields)
        self.entries.append(entry)
        return entry

    def deduct(self, plan: Subscription, source: str,
               sessions: int = 0, coins: int = 0) -> None:
        """Change a balance and remember that it happened, and who did it."""
        if sessions:
            plan.remaining_sessions -= sessions
        if coins:
            plan.remaining_coins -= coins
        self.deductions.append(Deduction(plan.id, sessions, coins, source,
                                         iso_time(utc_now())))


# --------------------------------------------------------------------------
# Presentation: how each record looks on the wire, per version
# --------------------------------------------------------------------------

def age_on(born: str, day: date) -> int:
    """Whole years between a birth date and ``day``."""
    birth = date.fromisoformat(born)
    before_birthday = (day.month, day.day) < (birth.month, birth.day)
    return day.year - birth.year - int(before_birthday)


def remaining_days(plan: Subscription) -> int:
    """Days left until ``end_date``, never negative."""
    left = date.fromisoformat(plan.end_date) - today()
    return max(left.days, 0)


def plural(count: int, one: str, many: str) -> str:
    """``"1 day"`` / ``"9 days"``."""
    return f"{count} {one if count == 1 else many}"


def display_label(plan: Subscription) -> str:
    """The short text the backend offers for a plan, e.g. "9 days"."""
    if plan.subscription_type == "coins":
        return plural(plan.remaining_coins or 0, "Coin", "Coins")
    if plan.subscription_type == "training":
        return plural(plan.remaining_sessions or 0, "Training Session",
                      "Training Sessions")
    if plan.subscription_type == "sessions":
        return plural(plan.remaining_sessions or 0, "Session", "Sessions")
    return plural(remaining_days(plan), "day", "days")


def user_json(store: GymStore, user: User) -> dict:
    """The user object of login and /api/auth/me."""
    shown = {"id": user.id, "username": user.username,
             "full_name": user.full_name, "email": user.email,
             "role": user.role, "branch_id": user.branch_id,
             "branch_name": store.branch_name(user.branch_id),
             "is_active": user.is_active}
    if store.mode != V_FEB:
        shown["gym_id"] = GYM["id"]
    return shown


def customer_json(store: GymStore, customer: Customer) -> dict:
    """A member; ``has_active_subscription`` trusts ``status`` alone, as the
    backend does (only a GET of the plan flips an ended plan to expired)."""
    return {
        "id": customer.id, "full_name": customer.full_name,
        "phone": customer.phone, "email": customer.email,
        "national_id": customer.national_id,
        "qr_code": customer.qr_code or f"customer_id:{customer.id}",
        "branch_id": customer.branch_id,
        "branch_name": store.branch_name(customer.branch_id),
        "is_active": customer.is_active,
        "has_active_subscription": any(
            s.status == "active" for s in store.plans_of(customer.id)),
        "gender": customer.gender, "date_of_birth": customer.date_of_birth,
        "age": age_on(customer.date_of_birth, today()),
        "health_notes": customer.health_notes,
        "created_at": customer.created_at,
    }


def subscription_json(store: GymStore, plan: Subscription) -> dict:
    """The full record of GET /api/subscriptions/{id} (both versions)."""
    shown = dataclasses.asdict(plan)
    customer = store.customers.get(plan.customer_id)
    shown.update({
        "customer_name": customer.full_name if customer else None,
        "branch_name": store.branch_name(plan.branch_id),
        "remaining_days": remaining_days(plan),
        "display_label": display_label(plan),
    })
    return shown


def subscription_list_item(store: GymStore, plan: Subscription) -> dict:
    """A list item, unusable for the pane exactly as API.md observed:
    v-aug sends the type and counts as null; v-feb leaves them out and
    prints the status enum's Python repr."""
    customer = store.customers.get(plan.customer_id)
    item = {"id": plan.id, "customer_id": plan.customer_id,
            "customer_name": customer.full_name if customer else None,
            "branch_id": plan.branch_id, "service_id": plan.service_id,
            "service_name": plan.service_name,
            "start_date": plan.start_date, "end_date": plan.end_date,
            "price": plan.price, "created_at": plan.created_at}
    if store.mode == V_FEB:
        item["status"] = f"SubscriptionStatus.{plan.status.upper()}"
    else:
        item["status"] = plan.status
        item.update({key: None for key in (
            "subscription_type", "remaining_sessions", "total_sessions",
            "remaining_coins", "total_coins", "remaining_days")})
    return item


def entry_json(store: GymStore, entry: Entry) -> dict:
    """A row of the entry-log listing (approved and denied alike)."""
    customer = store.customers.get(entry.customer_id)
    return {"id": entry.id, "customer_id": entry.customer_id,
            "customer_name": customer.full_name if customer else None,
            "entry_time": entry.entry_time,
            "entry_status": entry.entry_status,
            "coins_deducted": entry.coins_deducted,
            "subscription_id": entry.subscription_id,
            "branch_id": entry.branch_id,
            "branch_name": store.branch_name(entry.branch_id),
            "entry_type": entry.entry_type}


def unreadable_gender(customer: Customer) -> bool:
    """Whether the deployed backend fails to serialise this member: its
    gender enum knows "MALE" / "FEMALE", not the lower case that
    POST /api/customers stores as sent."""
    return customer.gender.islower()


def pagination(total: int, page: int, per_page: int) -> dict:
    """Flask-SQLAlchemy's pagination block."""
    return {"current_page": page, "per_page": per_page, "total": total,
            "pages": math.ceil(total / per_page) if total else 0}


# --------------------------------------------------------------------------
# The door: which plan lets a member in, or why not
# --------------------------------------------------------------------------

@dataclass
class Refusal:
    """Why the door stays shut: a 403 with ``errors.code``."""

    code: str
    message: str
    details: dict = field(default_factory=dict)
    subscription_id: int | None = None


def has_balance(plan: Subscription) -> bool:
    """Whether a plan has something left to spend (time plans always do)."""
    if plan.subscription_type == "coins":
        return (plan.remaining_coins or 0) > 0
    if plan.subscription_type in SESSION_KINDS:
        return (plan.remaining_sessions or 0) > 0
    return True


def end_ordinal(plan: Subscription) -> int:
    """A plan's end date as a day number, for "latest end first" sorts."""
    return date.fromisoformat(plan.end_date).toordinal()


def settle_finished_freezes(store: GymStore, customer: Customer) -> None:
    """v-aug's door ends a freeze whose agreed end date has passed.

    Only the check-in does this (GET of the plan still reads "frozen"), so
    a client that refuses FROZEN from the GET alone turns away a member the
    server would let in. A freeze without an end date is never settled.
    """
    now = today().isoformat()
    for plan in store.plans_of(customer.id):
        if plan.status == "frozen" and plan.freeze_end_date \
                and plan.freeze_end_date < now:
            plan.status = "active"
            plan.freeze_reason = None
            plan.frozen_date = None
            plan.freeze_end_date = None


def expire_if_ended(plan: Subscription) -> None:
    """Both versions' GET of a plan: an ended plan becomes "expired" while
    it is serialised, and the change is committed. Nothing else does it."""
    if plan.end_date < today().isoformat() and plan.status != "expired":
        plan.status = "expired"


def first_active_plan(store: GymStore,
                      customer: Customer) -> Subscription | None:
    """v-feb's choice: the first "active" row in id order. No end date,
    service or balance is looked at, and frozen plans are never chosen."""
    return next((p for p in store.plans_of(customer.id)
                 if p.status == "active"), None)


def best_entry_plan(store: GymStore,
                    customer: Customer) -> Subscription | None:
    """v-aug's choice: a plan that grants gym entry (any plan when the gym
    lets private-training members in), "active" before "frozen", then the
    latest end date, then the lowest id. No end-date check either."""
    anyone = store.gym_rules.get("pt_only_members_may_enter", False)
    candidates = [p for p in store.plans_of(customer.id)
                  if (p.grants_gym_entry or anyone)
                  and p.status in ("active", "frozen")]
    if not candidates:
        return None
    return min(candidates, key=lambda p: (
        p.status != "active", -end_ordinal(p), p.id))


def no_subscription(store: GymStore, customer: Customer) -> Refusal:
    """NO_SUBSCRIPTION, saying whether any of the member's plans ended."""
    now = today().isoformat()
    ended = [p for p in store.plans_of(customer.id)
             if p.end_date < now or p.status == "expired"]
    return Refusal("NO_SUBSCRIPTION", "No active subscription", {
        "has_expired_subscription": bool(ended),
        "last_subscription_end_date":
            max(p.end_date for p in ended) if ended else None})


def door_decision(store: GymStore,
                  customer: Customer) -> Subscription | Refusal:
    """The plan the deployed version charges at the door, or its refusal.

    Each version first chooses one plan by its own rule, then judges that
    plan alone: frozen (v-aug only; v-feb never chooses one), then used
    up. Another plan that could have let the member in is not tried.
    v-aug's finished freezes must have been settled before this.
    """
    if store.mode == V_FEB:
        plan = first_active_plan(store, customer)
    else:
        plan = best_entry_plan(store, customer)
    if plan is None:
        return no_subscription(store, customer)
    if plan.status == "frozen":
        return Refusal("FROZEN", "Subscription is frozen", {
            "freeze_reason": plan.freeze_reason,
            "frozen_date": plan.frozen_date}, plan.id)
    if not has_balance(plan):
        if plan.subscription_type == "coins":
            return Refusal("NO_COINS", "No coins remaining", {}, plan.id)
        return Refusal("NO_SESSIONS", "No sessions remaining", {}, plan.id)
    return plan


# --------------------------------------------------------------------------
# The Flask application
# --------------------------------------------------------------------------

def envelope(data=None, message: str | None = None, status: int = 200):
    """A success answer: ``{"success": true, "message"?, "data"}``."""
    body = {"success": True}
    if message:
        body["message"] = message
    body["data"] = data
    return jsonify(body), status


def failure(status: int, error: str, errors: dict | None = None):
    """A failure answer: ``{"success": false, "error", "errors"?}``."""
    body = {"success": False, "error": error}
    if errors is not None:
        body["errors"] = errors
    return jsonify(body), status


def not_found():
    """The answer for a route that does not exist in this mode."""
    return failure(404, "Resource not found")


def json_body() -> dict | None:
    """The request's JSON object, None when absent or empty.

    The backend calls ``request.get_json()``: text that is not JSON ends in
    Werkzeug's 400 (handled below with its own message). The Content-Type
    is not insisted on, so a client cannot fail in a way API.md never saw.
    """
    raw = request.get_data(cache=True)
    if not raw.strip():
        return None
    try:
        parsed = json.loads(raw)
    except ValueError as problem:
        raise BadRequest() from problem
    return parsed if isinstance(parsed, dict) and parsed else None


def as_int(value) -> int | None:
    """An id sent as a number or a string of digits; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def query_int(name: str, default: int, largest: int | None = None) -> int:
    """A positive integer query parameter, falling back to ``default``."""
    value = request.args.get(name, type=int)
    if value is None or value < 1:
        return default
    return min(value, largest) if largest else value


def create_app(store: GymStore) -> Flask:
    """The backend's routes, bound to one store."""
    app = Flask("gym_server")

    def authenticated(view):
        """flask-jwt-extended's ``@jwt_required()``, with its error shape."""
        @wraps(view)
        def guarded(*args, **kwargs):
            try:
                g.user = store.user_for_header(
                    request.headers.get("Authorization"))
            except JwtError as refused:
                return jsonify({"msg": refused.message}), refused.status
            return view(*args, **kwargs)
        return guarded

    def locked(view):
        """Run a handler with the store locked: one request at a time."""
        @wraps(view)
        def serialised(*args, **kwargs):
            with store.lock:
                return view(*args, **kwargs)
        return serialised

    def may_see(branch_id: int | None) -> bool:
        """Branch isolation: v-aug (and seed-spec) only."""
        return store.mode == V_FEB or store.covers(g.user, branch_id)

    # -- errors ------------------------------------------------------------

    @app.errorhandler(HTTPException)
    def http_error(problem: HTTPException):
        if problem.code == 404:
            return not_found()
        if problem.code == 405:
            response, status = failure(405, "Method not allowed")
            response.headers["Allow"] = ", ".join(problem.valid_methods or [])
            return response, status
        return failure(problem.code or 500, problem.description or "")

    @app.errorhandler(Exception)
    def server_error(problem: Exception):
        # A bug in this fixture: answer as the backend would, but leave the
        # traceback in the server's log for whoever reads the failing test.
        app.logger.exception("unexpected error")
        return failure(500, f"Server error: {problem}")

    # -- auth --------------------------------------------------------------

    @app.post("/api/auth/login")
    @locked
    def login():
        if store.mode != V_FEB:
            broken = store.login_limit_hit(request.remote_addr or "")
            if broken:
                response, status = failure(
                    429, f"Rate limit exceeded: {broken}")
                response.headers["Retry-After"] = "60"
                return response, status
        body = json_body() or {}
        username, password = body.get("username"), body.get("password")
        if not username or not password:
            return failure(400, "Username and password are required")
        user = next((u for u in store.users.values()
                     if u.username == username), None)
        if user is None or user.password != password:
            return failure(401, "Invalid username or password")
        if not user.is_active:
            return failure(401, "Account is inactive")
        access, refresh = store.issue_tokens(user)
        data = {"access_token": access, "refresh_token": refresh,
                "user": user_json(store, user)}
        if store.mode != V_FEB and user.role != "front_desk":
            data["gym"] = dict(GYM)
        return envelope(data, "Login successful")

    @app.get("/api/auth/me")
    @locked
    @authenticated
    def me():
        return envelope(user_json(store, g.user))

    # -- customers ---------------------------------------------------------

    def customer_answer(customer: Customer | None):
        if customer is None:
            return failure(404, "Customer not found")
        if not may_see(customer.branch_id):
            return failure(403, "Access denied")
        return envelope(customer_json(store, customer))

    @app.get("/api/customers/<int:customer_id>")
    @locked
    @authenticated
    def customer_by_id(customer_id: int):
        return customer_answer(store.customers.get(customer_id))

    @app.get("/api/customers/phone/<phone>")
    @locked
    @authenticated
    def customer_by_phone(phone: str):
        return customer_answer(next(
            (c for c in store.customers.values() if c.phone == phone), None))

    @app.get("/api/customers/search")
    @locked
    @authenticated
    def search_customers():
        text = request.args.get("q", "").strip()
        if not text:
            return failure(400, "Search query is required")
        limit = query_int("limit", 20, 100)
        needle = text.casefold()
        found = [
            c for c in store.customers.values()
            if c.is_active and store.covers(g.user, c.branch_id)
            and any(needle in (value or "").casefold() for value in (
                c.full_name, c.phone, c.email, c.national_id, c.qr_code))]
        if any(unreadable_gender(c) for c in found):
            return jsonify(SEARCH_FAILURE), 500
        return envelope({
            "items": [customer_json(store, c) for c in found[:limit]],
            "total": len(found), "query": text})

    # -- subscriptions -----------------------------------------------------

    @app.get("/api/subscriptions")
    @locked
    @authenticated
    def list_subscriptions():
        customer_id = request.args.get("customer_id", type=int)
        status = request.args.get("status")
        page = query_int("page", 1)
        per_page = query_int("per_page", 20, 100)
        plans = [p for p in store.subscriptions.values()
                 if (customer_id is None or p.customer_id == customer_id)
                 and (not status or p.status == status.lower())
                 and may_see(p.branch_id)]
        shown = plans[(page - 1) * per_page:page * per_page]
        return envelope({
            "items": [subscription_list_item(store, p) for p in shown],
            "pagination": pagination(len(plans), page, per_page)})

    @app.get("/api/subscriptions/<int:subscription_id>")
    @locked
    @authenticated
    def subscription_detail(subscription_id: int):
        plan = store.subscriptions.get(subscription_id)
        if plan is None:
            return failure(404, "Subscription not found")
        if not may_see(plan.branch_id):
            return failure(403, "Access denied")
        expire_if_ended(plan)
        return envelope(subscription_json(store, plan))

    def plan_to_deduct(subscription_id: int, kinds: tuple[str, ...],
                       unit: str):
        """The plan a seed-spec deduction applies to, or a failure."""
        plan = store.subscriptions.get(subscription_id)
        if plan is None:
            return None, failure(404, "Subscription not found")
        if not may_see(plan.branch_id):
            return None, failure(403, "Access denied")
        if plan.subscription_type not in kinds:
            return None, failure(
                400, f"This subscription does not use {unit}")
        if plan.status != "active":
            return None, failure(400, f"Subscription is {plan.status}")
        return plan, None

    @app.post("/api/subscriptions/<int:subscription_id>/deduct-session")
    @locked
    def deduct_session(subscription_id: int):
        if store.mode != SEED_SPEC:
            return not_found()
        return authenticated(deduct_session_seed)(subscription_id)

    def deduct_session_seed(subscription_id: int):
        plan, refused = plan_to_deduct(subscription_id, SESSION_KINDS,
                                       "sessions")
        if refused:
            return refused
        if (plan.remaining_sessions or 0) < 1:
            return failure(400, "No sessions remaining", {
                "code": "NO_SESSIONS", "remaining_sessions": 0})
        store.deduct(plan, "deduct-session", sessions=1)
        return envelope({"subscription_id": plan.id, "sessions_deducted": 1,
                         "remaining_sessions": plan.remaining_sessions,
                         "subscription": subscription_json(store, plan)},
                        "Session deducted successfully")

    @app.post("/api/subscriptions/<int:subscription_id>/use-coins")
    @locked
    def use_coins(subscription_id: int):
        if store.mode != SEED_SPEC:
            return not_found()
        return authenticated(use_coins_seed)(subscription_id)

    def use_coins_seed(subscription_id: int):
        amount = (json_body() or {}).get("amount", 1)
        if isinstance(amount, bool) or not isinstance(amount, int) \
                or amount < 1:
            return failure(400, "amount must be a positive integer")
        plan, refused = plan_to_deduct(subscription_id, ("coins",), "coins")
        if refused:
            return refused
        if (plan.remaining_coins or 0) < amount:
            return failure(400, "Insufficient coins", {
                "code": "NO_COINS", "remaining_coins": plan.remaining_coins})
        store.deduct(plan, "use-coins", coins=amount)
        return envelope({"subscription_id": plan.id, "coins_used": amount,
                         "remaining_coins": plan.remaining_coins,
                         "subscription": subscription_json(store, plan)},
                        "Coins used successfully")

    # -- attendance --------------------------------------------------------

    def find_member(body: dict) -> tuple[Customer | None, str]:
        """The member a check-in names, and how it was named.

        ``customer_id`` wins over ``qr_code``. A ``customer_id:N`` code is
        parsed; any other code must equal a stored code exactly, so a
        retired code (GYM-115 after GYM-115-9F3A0C1B) finds nobody.
        """
        if body.get("customer_id") not in (None, ""):
            return store.customers.get(as_int(body["customer_id"])), "manual"
        code = body.get("qr_code")
        code = code if isinstance(code, str) else str(code)
        if code.startswith("customer_id:"):
            number = as_int(code[len("customer_id:"):])
            return store.customers.get(number), "qr_scan"
        return next((c for c in store.customers.values()
                     if c.qr_code is not None and c.qr_code == code),
                    None), "qr_scan"

    @app.post("/api/attendance")
    @locked
    @authenticated
    def check_in():
        if store.mode == SEED_SPEC:
            return record_attendance_seed()
        allowed = CHECK_IN_ROLES_V_AUG if store.mode == V_AUG \
            else CHECK_IN_ROLES
        if g.user.role not in allowed:
            return failure(403, "Insufficient permissions")
        body = json_body()
        if body is None:
            return failure(400, "Request body is required")
        if body.get("customer_id") in (None, "") \
                and body.get("qr_code") in (None, ""):
            return failure(400, "Either qr_code or customer_id is required")
        if store.mode == V_FEB:
            if body.get("branch_id") in (None, ""):
                return failure(400, "branch_id is required")
            branch_id = as_int(body["branch_id"])
            if branch_id is None:
                return failure(400, "branch_id must be an integer")
        else:
            if g.user.branch_id is None:
                return failure(400, "Staff member has no branch assigned")
            branch_id = g.user.branch_id
        customer, entry_type = find_member(body)
        if customer is None or (store.mode == V_AUG
                                and customer.branch_id != branch_id):
            return failure(404, "Customer not found")
        # Neither version looks at customer.is_active here (API.md).
        action = body.get("action")
        action = action if isinstance(action, str) else None
        if store.mode == V_AUG:
            settle_finished_freezes(store, customer)
        decision = door_decision(store, customer)
        now = iso_time(utc_now())
        if isinstance(decision, Refusal):
            store.record_entry(
                customer_id=customer.id,
                subscription_id=decision.subscription_id,
                branch_id=branch_id, entry_time=now, entry_status="denied",
                entry_type=entry_type, action=action,
                denial_code=decision.code)
            return failure(403, decision.message, {
                "code": decision.code, "customer_name": customer.full_name,
                **decision.details})
        plan = decision
        coins = 1 if plan.subscription_type == "coins" else 0
        sessions = 1 if plan.subscription_type in SESSION_KINDS else 0
        if coins or sessions:
            store.deduct(plan, "attendance", sessions=sessions, coins=coins)
        entry = store.record_entry(
            customer_id=customer.id, subscription_id=plan.id,
            branch_id=branch_id, entry_time=now, entry_status="approved",
            entry_type=entry_type, coins_deducted=coins,
            sessions_deducted=sessions, action=action)
        return envelope({
            "attendance_id": entry.id, "entry_id": entry.id,
            "customer_id": customer.id, "customer_name": customer.full_name,
            "check_in_time": now, "coins_deducted": coins,
            "sessions_deducted": sessions,
            "remaining_coins": plan.remaining_coins
            if plan.subscription_type == "coins" else None,
            "remaining_sessions": plan.remaining_sessions
            if plan.subscription_type in SESSION_KINDS else None,
            "subscription_end_date": plan.end_date,
            "subscription_type": plan.subscription_type,
        }, "Check-in successful")

    def record_attendance_seed():
        """The specification's endpoint: record the visit, nothing else.

        No plan is checked or charged and no branch is enforced; the
        client's ``check_in_time``, ``action`` and ``subscription_id`` are
        stored as given.
        """
        body = json_body()
        if body is None:
            return failure(400, "Request body is required")
        if body.get("customer_id") in (None, ""):
            return failure(400, "customer_id is required")
        customer = store.customers.get(as_int(body["customer_id"]))
        if customer is None:
            return failure(404, "Customer not found")
        if not customer.is_active:
            return failure(400, "Customer account is inactive")
        branch_id = g.user.branch_id or customer.branch_id
        moment = utc_now()
        if isinstance(body.get("check_in_time"), str):
            try:
                moment = datetime.fromisoformat(
                    body["check_in_time"].replace("Z", "+00:00"))
                if moment.tzinfo is not None:
                    moment = moment.astimezone(timezone.utc).replace(
                        tzinfo=None)
            except ValueError:
                moment = utc_now()
        action = body.get("action") or "check_in_only"
        entry = store.record_entry(
            customer_id=customer.id,
            subscription_id=as_int(body.get("subscription_id")),
            branch_id=branch_id, entry_time=iso_time(moment),
            entry_status="approved", entry_type="manual", action=action)
        return envelope({"attendance": {
            "id": entry.id, "customer_id": body["customer_id"],
            "customer_name": customer.full_name,
            "check_in_time": moment.isoformat(), "branch_id": branch_id,
            "action": action}}, "Check-in recorded successfully", 201)

    # -- today's list --------------------------------------------------------

    @app.get("/api/validation/entry-logs")
    @locked
    @authenticated
    def entry_logs():
        branch_id = request.args.get("branch_id", type=int)
        if branch_id is not None and not may_see(branch_id):
            return failure(403, "Access denied")
        bounds = []
        for name in ("from_date", "to_date"):
            text = request.args.get(name)
            try:
                bounds.append(date.fromisoformat(text).isoformat()
                              if text else None)
            except ValueError:
                return failure(400, "Invalid date format. Use YYYY-MM-DD")
        since, until = bounds
        customer_id = request.args.get("customer_id", type=int)
        status = (request.args.get("status") or "").strip().lower() or None
        page = query_int("page", 1)
        per_page = query_int("per_page", 20, 100)
        rows = [e for e in store.entries
                if ((branch_id is None and may_see(e.branch_id))
                    or e.branch_id == branch_id)
                and (customer_id is None or e.customer_id == customer_id)
                and (status is None or e.entry_status == status)
                and (since is None or e.entry_time[:10] >= since)
                and (until is None or e.entry_time[:10] <= until)]
        rows.sort(key=lambda e: (e.entry_time, e.id), reverse=True)
        shown = rows[(page - 1) * per_page:page * per_page]
        return envelope({
            "entries": [entry_json(store, e) for e in shown],
            "pagination": pagination(len(rows), page, per_page)})

    register_controls(app, store)
    return app


# --------------------------------------------------------------------------
# Test controls
# --------------------------------------------------------------------------

def transport_from(spec: dict) -> tuple[bool, float] | None:
    """The reset control's (field mode, delay ms); None when malformed.

    Left out, "field" means off and the delay 0: a reset always sets the
    transport afresh, so one test's field mode never leaks into the next.
    """
    field_mode = spec.get("field", False)
    default = DEFAULT_FIELD_DELAY_MS if field_mode is True else 0.0
    delay = spec.get("delay_ms", default)
    if not isinstance(field_mode, bool) or isinstance(delay, bool) \
            or not isinstance(delay, (int, float)) \
            or not math.isfinite(delay) or delay < 0:
        return None
    return field_mode, float(delay)


def register_controls(app: Flask, store: GymStore) -> None:
    """Routes tests use to steer the stand-in; plain JSON, no envelope."""

    @app.post("/__control__/reset")
    def control_reset():
        spec = json_body() or {}
        mode = spec.get("mode", store.mode)
        if mode not in MODES:
            return jsonify({"error": f"unknown mode {mode!r}"}), 400
        transport = transport_from(spec)
        if transport is None:
            return jsonify({"error": "field must be a boolean and delay_ms "
                                     "a number >= 0"}), 400
        with store.lock:
            store.reset(mode)
            store.down = False
            store.set_transport(*transport)
        store.set_hanging(False)
        return jsonify({"mode": mode, "field": store.field,
                        "delay_ms": store.delay_ms})

    @app.post("/__control__/fault")
    def control_fault():
        spec = json_body() or {}
        kind = spec.get("kind")
        if kind not in FAULT_KINDS:
            return jsonify({"error": f"unknown fault kind {kind!r}",
                            "kinds": sorted(FAULT_KINDS)}), 400
        count = spec.get("count", 1)
        redirect = kind == "redirect"
        code = spec.get("code", 307 if redirect else 500)
        codes = range(300, 400) if redirect else range(400, 600)
        seconds = spec.get("seconds", 0)
        location = spec.get("location")
        query = spec.get("query") or None
        if not isinstance(count, int) or count < 1 \
                or not isinstance(code, int) or code not in codes \
                or not isinstance(seconds, (int, float)) or seconds < 0 \
                or redirect and not isinstance(location, str) \
                or query is not None and not (
                    isinstance(query, dict)
                    and all(isinstance(v, str) for v in query.values())):
            return jsonify({"error": "count must be >= 1, code 400-599 "
                            "(300-399 and a location for a redirect), "
                            "seconds >= 0, query an object of texts"}), 400
        with store.lock:
            if kind == "expire_tokens":
                return jsonify({"expired": store.expire_tokens()})
            path, method = FAULT_KINDS[kind]
            store.add_fault(Fault(
                kind=kind, path=spec.get("path") or path,
                method=(spec.get("method") or method or "").upper() or None,
                count=count, seconds=float(seconds), code=code,
                location=location, query=query))
            return jsonify({"pending": [dataclasses.asdict(f)
                                        for f in store.faults]})

    @app.post("/__control__/clear-faults")
    def control_clear_faults():
        with store.lock:
            store.faults.clear()
        return jsonify({"pending": []})

    @app.post("/__control__/recode")
    def control_recode():
        spec = json_body() or {}
        code = spec.get("qr_code")
        with store.lock:
            customer = store.customers.get(spec.get("customer_id"))
            if customer is None or not isinstance(code, str) or not code:
                return jsonify({"error": "customer_id of a member and a "
                                         "non-empty qr_code are required"}), 400
            customer.qr_code = code
            return jsonify({"qr_code": code})

    @app.post("/__control__/entries")
    def control_entries():
        spec = json_body() or {}
        count = spec.get("count")
        step = spec.get("step_seconds", 0)
        status = spec.get("status", "approved")
        try:
            start = datetime.fromisoformat(
                str(spec.get("start")).replace("Z", "+00:00"))
        except ValueError:
            start = None
        if start is not None and start.tzinfo is not None:
            start = start.astimezone(timezone.utc).replace(tzinfo=None)
        with store.lock:
            customer = store.customers.get(spec.get("customer_id"))
            branch_id = spec.get("branch_id")
            if customer is None or branch_id not in store.branches \
                    or isinstance(count, bool) or not isinstance(count, int) \
                    or count < 1 or start is None \
                    or isinstance(step, bool) \
                    or not isinstance(step, (int, float)) or step < 0 \
                    or status not in ("approved", "denied"):
                return jsonify({"error": "customer_id of a member, branch_id "
                                "of a branch, count >= 1, start an ISO "
                                "time, step_seconds >= 0, status approved "
                                "or denied"}), 400
            approved = status == "approved"
            plans = store.plans_of(customer.id)
            plan_id = plans[0].id if approved and plans else None
            added = [store.record_entry(
                customer_id=customer.id, subscription_id=plan_id,
                branch_id=branch_id,
                entry_time=iso_time(start + timedelta(seconds=step * index)),
                entry_status=status, entry_type="qr_scan",
                denial_code=None if approved else "NO_SUBSCRIPTION")
                for index in range(count)]
            return jsonify({"added": len(added), "first_id": added[0].id,
                            "last_id": added[-1].id})

    @app.post("/__control__/gym-rules")
    def control_gym_rules():
        spec = json_body() or {}
        unknown = sorted(set(spec) - set(DEFAULT_GYM_RULES))
        if unknown or not all(isinstance(v, bool) for v in spec.values()):
            return jsonify({"error": "booleans for known rules only",
                            "rules": sorted(DEFAULT_GYM_RULES)}), 400
        with store.lock:
            store.gym_rules.update(spec)
            return jsonify(dict(store.gym_rules))

    @app.post("/__control__/down")
    def control_down():
        with store.lock:
            store.down = True
        return jsonify({"down": True})

    @app.post("/__control__/hang")
    def control_hang():
        store.set_hanging(True)
        return jsonify({"hanging": True})

    @app.post("/__control__/up")
    def control_up():
        with store.lock:
            store.down = False
        store.set_hanging(False)
        return jsonify({"down": False, "hanging": False})

    @app.get("/__control__/state")
    def control_state():
        with store.lock:
            return jsonify({
                "mode": store.mode, "down": store.down,
                "hanging": store.hanging, "field": store.field,
                "delay_ms": store.delay_ms,
                "gym_rules": dict(store.gym_rules),
                "connections": store.connections,
                "subscriptions": {
                    str(p.id): {"remaining_sessions": p.remaining_sessions,
                                "remaining_coins": p.remaining_coins}
                    for p in store.subscriptions.values()},
                "attendance": [{
                    "id": e.id, "customer_id": e.customer_id,
                    "subscription_id": e.subscription_id,
                    "sessions_deducted": e.sessions_deducted,
                    "coins_deducted": e.coins_deducted,
                    "branch_id": e.branch_id, "check_in_time": e.entry_time,
                    "action": e.action}
                    for e in store.entries if e.entry_status == "approved"],
                "deductions": [dataclasses.asdict(d)
                               for d in store.deductions],
                "faults": [dataclasses.asdict(f) for f in store.faults],
                "requests": [dataclasses.asdict(r) for r in store.requests],
            })


# --------------------------------------------------------------------------
# HTTP/1.1 with keep-alive
#
# Werkzeug's development server always answers "Connection: close" (even
# with protocol_version = "HTTP/1.1"), so connections could never be
# reused. This small bridge serves the Flask app over http.server instead:
# it reads each body fully, sets Content-Length on every answer, and keeps
# the connection open; it is also where connection-level faults happen,
# and where field mode puts back what the deployed servers do (close after
# each answer, one request at a time, a delay each).
# --------------------------------------------------------------------------

class StandInServer(ThreadingHTTPServer):
    """A threaded loopback server that knows its app and store."""

    daemon_threads = True
    allow_reuse_address = True      # a restart can take the same port back

    def __init__(self, address, app: Flask, store: GymStore, verbose: bool):
        super().__init__(address, StandInHandler)
        self.app = app
        self.store = store
        self.verbose = verbose


class StandInHandler(BaseHTTPRequestHandler):
    """One client connection; serves requests until either side closes."""

    protocol_version = "HTTP/1.1"
    server_version = "gym-stand-in/1"
    timeout = 120                   # idle keep-alive connections end
    # Headers and body go out in two writes; with Nagle on, the second waits
    # for the client's delayed ACK (40 ms) on every reused connection, which
    # production servers don't do and which would swamp the client's timings.
    disable_nagle_algorithm = True

    def setup(self) -> None:
        super().setup()
        store = self.server.store
        with store.lock:
            store.connections += 1
            self.connection_number = store.connections

    def log_message(self, format, *args) -> None:  # noqa: A002 (stdlib)
        if self.server.verbose:
            super().log_message(format, *args)

    # Every method goes through the same path; Flask answers 405 itself.
    def do_GET(self):
        self.serve()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = do_GET

    # -- one request ---------------------------------------------------------

    def read_body(self) -> bytes:
        """The whole request body, so the next request starts cleanly."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def serve(self) -> None:
        """Answer one request: control routes directly, API routes through
        the fault table and the request log (and, in field mode, one at a
        time and closing after the answer)."""
        target = urlsplit(self.path)
        if target.path.startswith("/__control__/"):
            self.answer(*self.run_app(self.read_body()))
            return
        store = self.server.store
        record = store.log_request(RequestRecord(
            method=self.command, path=target.path,
            query=dict(parse_qsl(target.query, keep_blank_values=True)),
            body=None, status=None, time=iso_time(utc_now()),
            connection=self.connection_number))
        fault = store.take_fault(self.command, target.path, record.query)
        with store.lock:
            record.fault = fault.kind if fault else None
            field_mode = store.field
        if fault and fault.kind in ("down", "drop"):
            # Before reading the body: libcurl resends a request whose
            # reused connection closed unanswered, with the headers but
            # without the body; waiting for that body would turn "server
            # unreachable" into a client timeout.
            self.hang_up()
            return
        body = self.read_body()
        with store.lock:
            record.body = loggable(body)
        if fault and fault.kind == "hang":
            # Outside every lock, so nothing else waits on a hung request.
            store.wait_out_hang()
            self.hang_up()
            return
        if field_mode:
            with self.field_turn(record):
                outcome = self.run_api(fault, body, record)
        else:
            outcome = self.run_api(fault, body, record)
        if outcome is not None:
            self.answer(*outcome, close=field_mode)

    @contextmanager
    def field_turn(self, record: RequestRecord):
        """Field mode: wait for the one turn the whole server has, note how
        long that took, and spend the per-request delay holding it, as a
        single-threaded server doing the work would."""
        store = self.server.store
        asked = time.monotonic()
        with store.turn:
            with store.lock:
                record.queued_ms = round(
                    (time.monotonic() - asked) * 1000, 1)
                delay = store.delay_ms
            time.sleep(delay / 1000)
            yield

    def run_api(self, fault: Fault | None, body: bytes,
                record: RequestRecord):
        """Run an API request with its fault: the answer to write, or None
        when the connection was hung up on instead."""
        store = self.server.store
        if fault and fault.kind == "slow":
            time.sleep(fault.seconds)
        status, headers, payload = self.faulty_answer(fault) \
            or self.run_app(body)
        with store.lock:
            record.status = status
        if fault and fault.kind == "drop_after_commit":
            self.hang_up()
            return None
        if fault and fault.kind == "slow_after_commit":
            time.sleep(fault.seconds)
        return status, headers, payload

    def faulty_answer(self, fault: Fault | None):
        """The answer a fault puts in place of the app's, if any."""
        if fault is None:
            return None
        if fault.kind == "status":
            return json_answer(fault.code, {
                "success": False, "error": status_phrase(fault.code)})
        if fault.kind == "redirect":
            status, headers, payload = json_answer(fault.code, {
                "success": False, "error": status_phrase(fault.code)})
            return status, headers + [("Location", fault.location)], payload
        if fault.kind == "garbage":
            return 200, [("Content-Type", "text/html; charset=utf-8")], \
                GARBAGE_BODY
        if fault.kind == "wrong_shape":
            return json_answer(200, WRONG_SHAPE_BODY)
        if fault.kind == "rate_limit":
            status, headers, payload = json_answer(429, {
                "success": False,
                "error": f"Rate limit exceeded: {LOGIN_LIMITS[0][2]}"})
            return status, headers + [("Retry-After", "60")], payload
        return None

    def run_app(self, body: bytes):
        """Call the Flask app as a WSGI server would; collect its answer."""
        target = urlsplit(self.path)
        environ = {
            "REQUEST_METHOD": self.command,
            "SCRIPT_NAME": "",
            "PATH_INFO": unquote_to_bytes(target.path).decode("latin-1"),
            "QUERY_STRING": target.query,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(len(body)),
            "SERVER_NAME": self.server.server_address[0],
            "SERVER_PORT": str(self.server.server_address[1]),
            "SERVER_PROTOCOL": self.request_version,
            "REMOTE_ADDR": self.client_address[0],
            "REMOTE_PORT": self.client_address[1],
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": True,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        for name, value in self.headers.items():
            key = name.upper().replace("-", "_")
            if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
                environ[f"HTTP_{key}"] = value
        started = {}

        def start_response(status, headers, exc_info=None):
            started["status"], started["headers"] = status, headers

        result = self.server.app(environ, start_response)
        try:
            payload = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        return int(started["status"].split()[0]), started["headers"], payload

    def answer(self, status: int, headers, payload: bytes,
               close: bool = False) -> None:
        """Write an answer with an exact Content-Length; keep the
        connection open unless ``close`` (field mode) says otherwise."""
        self.send_response(status)
        for name, value in headers:
            if name.lower() not in ("content-length", "connection",
                                    "transfer-encoding"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)
        self.wfile.flush()

    def hang_up(self) -> None:
        """Close the connection without a byte of answer."""
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(2)     # SHUT_RDWR: the peer sees EOF
        except OSError:
            pass


def status_phrase(status: int) -> str:
    """HTTP's reason phrase for a status, e.g. "Internal Server Error"."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Server Error"


def json_answer(status: int, body: object):
    """A (status, headers, payload) triple for a JSON body."""
    return status, [("Content-Type", "application/json")], \
        json.dumps(body).encode()


def loggable(body: bytes) -> object:
    """A request body as the request log shows it: JSON when it parses,
    text when it does not, None when empty."""
    if not body:
        return None
    try:
        return json.loads(body)
    except ValueError:
        return body.decode("utf-8", errors="replace")


# --------------------------------------------------------------------------
# Process: arguments, binding, port file, shutdown
# --------------------------------------------------------------------------

def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    parser = argparse.ArgumentParser(
        description="Stand-in gym backend for CheckIn Station's tests.")
    parser.add_argument("--mode", choices=MODES, default=V_AUG)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0,
                        help="0 picks a free port")
    parser.add_argument("--port-file",
                        help="written with the port once listening")
    parser.add_argument("--state-file",
                        help="loaded at start if present, saved at exit")
    parser.add_argument("--parent-pid", type=int,
                        help="exit when this process is gone")
    parser.add_argument("--field", action="store_true",
                        help="answer like the deployed servers: close "
                             "after each answer, one request at a time")
    parser.add_argument("--delay-ms", type=float,
                        default=DEFAULT_FIELD_DELAY_MS,
                        help="field mode's delay per request "
                             f"(default {DEFAULT_FIELD_DELAY_MS:g})")
    parser.add_argument("--verbose", action="store_true",
                        help="log every request to stderr")
    arguments = parser.parse_args(argv)
    if not math.isfinite(arguments.delay_ms) or arguments.delay_ms < 0:
        parser.error("--delay-ms must be a number >= 0")
    return arguments


def bind(host: str, port: int, app: Flask, store: GymStore,
         verbose: bool) -> StandInServer:
    """Listen on ``host:port``; a fixed port is retried for a while because
    the previous process on it may still be letting go (restarts)."""
    deadline = time.monotonic() + 15
    while True:
        try:
            return StandInServer((host, port), app, store, verbose)
        except OSError as problem:
            if port == 0 or problem.errno != errno.EADDRINUSE \
                    or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def write_port_file(path: str, port: int) -> None:
    """Publish the port atomically: a reader never sees a partial number."""
    temporary = f"{path}.tmp"
    with open(temporary, "w", encoding="utf-8") as file:
        file.write(f"{port}\n")
    os.replace(temporary, path)


def watch_parent(parent: int) -> None:
    """Exit when the test process that started us is gone, even if it
    crashed before stopping us: no orphaned servers on the machine."""
    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    """Run until SIGTERM/SIGINT, then save the state if asked to."""
    arguments = parse_arguments(argv)
    # A parent may start us with signals blocked (swift test's children
    # inherit such a mask); SIGTERM must get through to save the state.
    signal.pthread_sigmask(signal.SIG_UNBLOCK,
                           {signal.SIGTERM, signal.SIGINT})
    if arguments.state_file and os.path.exists(arguments.state_file):
        with open(arguments.state_file, encoding="utf-8") as file:
            store = GymStore.from_json(json.load(file))
    else:
        store = GymStore(arguments.mode)
        if arguments.field:
            store.set_transport(True, arguments.delay_ms)
    server = bind(arguments.host, arguments.port, create_app(store), store,
                  arguments.verbose)
    if arguments.parent_pid:
        watch_parent(arguments.parent_pid)

    def stop(signum, frame):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    port = server.server_address[1]
    if arguments.port_file:
        write_port_file(arguments.port_file, port)
    if arguments.verbose:
        sys.stderr.write(f"gym_server: {store.mode} on "
                         f"http://{arguments.host}:{port}\n")
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        # server_close joins every handler thread: hung ones must end first
        # (the hang itself stays in the saved state).
        store.release_waiters()
        server.server_close()
        if arguments.state_file:
            store.save(arguments.state_file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
