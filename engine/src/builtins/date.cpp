// Date (ECMA-262 21.4): time values, the constructor, Date.parse/UTC/now
// and the prototype's getters, setters and string forms. A Date object is
// ObjectClass::kDate with its time value (a number, NaN when invalid) in
// `internal`. Local time comes from the system zone database through TZ
// (localtime_r), with offsets cached per quarter hour; zone names for
// toString come from ICU, as Node prints them.
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>
#include <utility>

#include "builtins/builtins.h"

namespace kite::vm::builtins {

namespace {

constexpr double kMsPerDay = 86400000.0;
constexpr double kMsPerHour = 3600000.0;
constexpr double kMsPerMinute = 60000.0;
constexpr double kMsPerSecond = 1000.0;

const char* const kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

double time_within_day(double t) {
  double r = std::fmod(t, kMsPerDay);
  return (r < 0 ? r + kMsPerDay : r) + 0.0;  // never -0
}
double day_from_year(double y) {
  return 365 * (y - 1970) + std::floor((y - 1969) / 4) - std::floor((y - 1901) / 100) +
         std::floor((y - 1601) / 400);
}
bool is_leap(double y) {
  return std::fmod(y, 4) == 0 && (std::fmod(y, 100) != 0 || std::fmod(y, 400) == 0);
}
const int kCumulative[2][13] = {{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
                                {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366}};

struct Fields {
  double year, month, date, hours, minutes, seconds, ms, weekday;
};

// Integer civil-calendar arithmetic on days since 1970-01-01 (the
// proleptic Gregorian calendar in 400-year eras); t is an integral time
// value within +-8.64e15 plus at most a day of offset, so int64 is exact.
Fields fields(double t) {
  const auto ms_total = static_cast<std::int64_t>(t);
  std::int64_t days = ms_total / 86400000;
  std::int64_t in_day = ms_total % 86400000;
  if (in_day < 0) {
    in_day += 86400000;
    --days;
  }
  Fields f;
  f.weekday = static_cast<double>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  f.year = static_cast<double>(y);
  f.month = static_cast<double>(m - 1);
  f.date = static_cast<double>(d);
  const std::int64_t hours = in_day / 3600000;  // whole hours: integer division
  f.hours = static_cast<double>(hours);
  f.minutes = static_cast<double>(in_day / 60000 % 60);
  f.seconds = static_cast<double>(in_day / 1000 % 60);
  f.ms = static_cast<double>(in_day % 1000);
  return f;
}

double make_time(double h, double m, double s, double ms) {
  if (!std::isfinite(h) || !std::isfinite(m) || !std::isfinite(s) || !std::isfinite(ms)) {
    return NAN;
  }
  return std::trunc(h) * kMsPerHour + std::trunc(m) * kMsPerMinute + std::trunc(s) * kMsPerSecond +
         std::trunc(ms);
}
double make_day(double year, double month, double date) {
  if (!std::isfinite(year) || !std::isfinite(month) || !std::isfinite(date)) return NAN;
  double y = std::trunc(year), m = std::trunc(month), dt = std::trunc(date);
  double ym = y + std::floor(m / 12);
  if (std::fabs(ym) > 400000) return NAN;
  double mn = std::fmod(m, 12);
  if (mn < 0) mn += 12;
  double days = day_from_year(ym) + kCumulative[is_leap(ym) ? 1 : 0][static_cast<int>(mn)];
  return days + dt - 1;
}
double make_date(double d, double t) {
  if (!std::isfinite(d) || !std::isfinite(t)) return NAN;
  double r = d * kMsPerDay + t;
  return std::isfinite(r) ? r : NAN;
}
double time_clip(double t) {
  if (!std::isfinite(t) || std::fabs(t) > 8.64e15) return NAN;
  return std::trunc(t) + 0.0;
}

// ---- local time ----

// Offset from UTC (ms) of the zone at UTC time t, cached per quarter hour
// (every zone changes offset on a quarter-hour boundary).
struct OffsetCache {
  std::array<std::int64_t, 1024> bucket;
  std::array<double, 1024> offset;
  std::array<bool, 1024> dst;
  OffsetCache() { bucket.fill(INT64_MIN); }
};

double offset_at(double utc, bool* in_dst = nullptr) {
  thread_local OffsetCache cache;
  auto b = static_cast<std::int64_t>(std::floor(utc / (15 * kMsPerMinute)));
  std::size_t slot = static_cast<std::size_t>(b) & 1023;
  if (cache.bucket[slot] != b) {
    auto secs = static_cast<std::time_t>(std::floor(utc / 1000));
    std::tm tm{};
    double off = 0;
    bool dst = false;
    if (localtime_r(&secs, &tm) != nullptr) {
      off = static_cast<double>(tm.tm_gmtoff) * 1000;
      dst = tm.tm_isdst > 0;
    }
    cache.bucket[slot] = b;
    cache.offset[slot] = off;
    cache.dst[slot] = dst;
  }
  if (in_dst != nullptr) *in_dst = cache.dst[slot];
  return cache.offset[slot];
}

double local_time(double t) {
  return t + offset_at(t);
}

// UTC(t) (21.4.1.26): a local time that is skipped or repeated by a
// transition is read with the offset from before the transition.
double utc_of_local(double t) {
  if (!std::isfinite(t)) return NAN;
  double before = offset_at(t - kMsPerDay);
  double after = offset_at(t + kMsPerDay);
  if (before == after) return t - before;
  double u1 = t - before;
  if (offset_at(u1) == before) return u1;
  double u2 = t - after;
  if (offset_at(u2) == after) return u2;
  return u1;
}

std::string zone_name(bool daylight) {
  static std::once_flag once;
  static std::string names[2];
  std::call_once(once, [] {
    std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createDefault());
    for (int d = 0; d < 2; ++d) {
      icu::UnicodeString s;
      tz->getDisplayName(d == 1, icu::TimeZone::LONG, icu::Locale::getUS(), s);
      s.toUTF8String(names[d]);
    }
  });
  return names[daylight ? 1 : 0];
}

// ---- formatting ----

std::string year_text(double y) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%06.0f", y < 0 ? '-' : '+', std::fabs(y));
  return buf;
}
std::string year_text_short(double y) {  // toString's: at least 4 digits, sign when negative
  char buf[16];
  if (y < 0) {
    std::snprintf(buf, sizeof buf, "-%04.0f", -y);
  } else {
    std::snprintf(buf, sizeof buf, "%04.0f", y);
  }
  return buf;
}

std::string offset_text(double offset_ms) {
  double minutes = std::trunc(offset_ms / kMsPerMinute);
  char sign = minutes < 0 ? '-' : '+';
  auto a = static_cast<int>(std::fabs(minutes));
  char buf[16];
  std::snprintf(buf, sizeof buf, "GMT%c%02d%02d", sign, a / 60, a % 60);
  return buf;
}

std::string date_part(const Fields& f) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s %s %02.0f %s", kWeekdays[static_cast<int>(f.weekday)],
                kMonths[static_cast<int>(f.month)], f.date, year_text_short(f.year).c_str());
  return buf;
}

std::string time_part(double tv) {
  bool dst = false;
  double off = offset_at(tv, &dst);
  Fields f = fields(tv + off);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02.0f:%02.0f:%02.0f ", f.hours, f.minutes, f.seconds);
  return buf + offset_text(off) + " (" + zone_name(dst) + ")";
}

std::string to_date_string(double tv) {
  if (std::isnan(tv)) return "Invalid Date";
  return date_part(fields(local_time(tv))) + " " + time_part(tv);
}

void put2(std::string& out, int n) {
  out.push_back(static_cast<char>('0' + n / 10));
  out.push_back(static_cast<char>('0' + n % 10));
}

void put2(std::string& out, double v) {
  put2(out, static_cast<int>(v));
}

std::string iso_string(double tv) {
  Fields f = fields(tv);
  std::string out;
  out.reserve(27);
  if (f.year >= 0 && f.year <= 9999) {
    auto y = static_cast<int>(f.year);
    put2(out, y / 100);
    put2(out, y % 100);
  } else {
    out = year_text(f.year);
  }
  out.push_back('-');
  put2(out, f.month + 1);
  out.push_back('-');
  put2(out, f.date);
  out.push_back('T');
  put2(out, f.hours);
  out.push_back(':');
  put2(out, f.minutes);
  out.push_back(':');
  put2(out, f.seconds);
  out.push_back('.');
  auto ms = static_cast<int>(f.ms);
  out.push_back(static_cast<char>('0' + ms / 100));
  put2(out, ms % 100);
  out.push_back('Z');
  return out;
}

// ---- parsing ----

class DateParser {
 public:
  explicit DateParser(const std::u16string& s) : s_(s) {}

  double parse() {
    double iso = parse_iso();
    if (!std::isnan(iso) || iso_error_) return iso;
    return parse_legacy();
  }

 private:
  char16_t peek(std::size_t i = 0) const { return pos_ + i < s_.size() ? s_[pos_ + i] : 0; }
  bool digit(std::size_t i = 0) const { return peek(i) >= '0' && peek(i) <= '9'; }
  bool digits(int n, double* out) {
    double v = 0;
    for (int i = 0; i < n; ++i) {
      if (!digit()) return false;
      v = v * 10 + (s_[pos_++] - '0');
    }
    *out = v;
    return true;
  }

  // 21.4.1.32 Date Time String Format.
  double parse_iso() {
    pos_ = 0;
    double year = 0, month = 1, dd = 1, h = 0, mi = 0, sec = 0, ms = 0;
    if (peek() == '+' || peek() == '-') {
      bool neg = peek() == '-';
      ++pos_;
      if (!digits(6, &year)) return NAN;
      if (neg && year == 0) {
        iso_error_ = true;
        return NAN;
      }
      if (neg) year = -year;
    } else if (!digits(4, &year)) {
      return NAN;
    }
    if (peek() == '-') {
      ++pos_;
      if (!digits(2, &month) || month < 1 || month > 12) return NAN;
      if (peek() == '-') {
        ++pos_;
        if (!digits(2, &dd) || dd < 1) return NAN;
      }
    }
    bool date_only = true;
    bool has_offset = false;
    double offset = 0;
    if (peek() == 'T' || peek() == 't') {
      date_only = false;
      ++pos_;
      if (!digits(2, &h) || peek() != ':') return NAN;
      ++pos_;
      if (!digits(2, &mi)) return NAN;
      if (peek() == ':') {
        ++pos_;
        if (!digits(2, &sec)) return NAN;
        if (peek() == '.' || peek() == ',') {
          ++pos_;
          if (!digit()) return NAN;
          double scale = 100;
          while (digit()) {
            ms += (s_[pos_++] - '0') * scale;
            scale /= 10;
          }
          ms = std::floor(ms);
        }
      }
      if (peek() == 'Z' || peek() == 'z') {
        ++pos_;
        has_offset = true;
      } else if (peek() == '+' || peek() == '-') {
        double sign = peek() == '-' ? -1 : 1;
        ++pos_;
        double oh, om;
        if (!digits(2, &oh) || peek() != ':') return NAN;
        ++pos_;
        if (!digits(2, &om)) return NAN;
        has_offset = true;
        offset = sign * (oh * 60 + om) * kMsPerMinute;
      }
      if (h > 24 || mi > 59 || sec > 59 || (h == 24 && (mi > 0 || sec > 0 || ms > 0))) {
        iso_error_ = true;
        return NAN;
      }
    }
    if (pos_ != s_.size()) return NAN;
    // Days past the month's end roll over, as V8 does (2022-02-30 is March 2).
    if (dd > 31) {
      iso_error_ = true;
      return NAN;
    }
    double t = make_date(make_day(year, month - 1, dd), make_time(h, mi, sec, ms));
    if (date_only || has_offset) return time_clip(t - offset);
    return time_clip(utc_of_local(t));
  }

  // The forms toString, toUTCString and common hand-written dates use:
  // "Tue Feb 01 2022 00:00:00 GMT+0100 (...)", "Tue, 01 Feb 2022 00:00:00
  // GMT", "Feb 1, 2022 10:00", "2022/02/01", "02/01/2022 10:00 PM".
  double parse_legacy() {
    pos_ = 0;
    double month = -1;
    std::vector<double> numbers;
    std::vector<char16_t> separators;
    double h = 0, mi = 0, sec = 0, ms = 0;
    bool has_time = false, has_offset = false, pm = false, am = false;
    double offset = 0;
    while (pos_ < s_.size()) {
      char16_t c = peek();
      if (c == '(') {
        int depth = 0;
        while (pos_ < s_.size()) {
          if (s_[pos_] == '(') ++depth;
          if (s_[pos_] == ')' && --depth == 0) {
            ++pos_;
            break;
          }
          ++pos_;
        }
        continue;
      }
      if (digit()) {
        double v = 0;
        std::size_t start = pos_;
        while (digit()) v = v * 10 + (s_[pos_++] - '0');
        if (peek() == ':' && !has_time) {
          has_time = true;
          h = v;
          ++pos_;
          if (!digits(2, &mi)) return NAN;
          if (peek() == ':') {
            ++pos_;
            if (!digits(2, &sec)) return NAN;
            if (peek() == '.') {
              ++pos_;
              double scale = 100;
              while (digit()) {
                ms += (s_[pos_++] - '0') * scale;
                scale /= 10;
              }
            }
          }
          continue;
        }
        (void)start;
        numbers.push_back(v);
        separators.push_back(peek());
        continue;
      }
      if ((c == '+' || c == '-') && digit(1) && (has_time || numbers.size() >= 3)) {
        double sign = c == '-' ? -1 : 1;
        ++pos_;
        double v = 0;
        int n = 0;
        while (digit()) {
          v = v * 10 + (s_[pos_++] - '0');
          ++n;
        }
        if (peek() == ':') {
          ++pos_;
          double m2 = 0;
          digits(2, &m2);
          v = v * 100 + m2;
          n = 4;
        }
        if (n <= 2) v *= 100;
        offset = sign * (std::floor(v / 100) * 60 + std::fmod(v, 100)) * kMsPerMinute;
        has_offset = true;
        continue;
      }
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        std::string word;
        while ((peek() >= 'a' && peek() <= 'z') || (peek() >= 'A' && peek() <= 'Z')) {
          word += static_cast<char>(std::tolower(static_cast<unsigned char>(s_[pos_++])));
        }
        if (word == "am") {
          am = true;
        } else if (word == "pm") {
          pm = true;
        } else if (word == "gmt" || word == "utc" || word == "ut" || word == "z") {
          has_offset = true;
        } else if (word.size() >= 3) {
          bool known = false;
          for (int m = 0; m < 12; ++m) {
            std::string name = kMonths[m];
            for (char& ch : name)
              ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (word.compare(0, 3, name) == 0) {
              month = m;
              known = true;
            }
          }
          for (const char* wd : kWeekdays) {
            std::string name = wd;
            for (char& ch : name)
              ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (word.compare(0, 3, name) == 0) known = true;
          }
          if (!known) return NAN;
        } else {
          return NAN;
        }
        continue;
      }
      ++pos_;  // separators: space , / - .
    }
    double year, mon, dd;
    if (month >= 0) {
      if (numbers.size() < 2) return NAN;
      mon = month;
      if (numbers[0] > 31) {
        year = numbers[0];
        dd = numbers[1];
      } else {
        dd = numbers[0];
        year = numbers[1];
      }
    } else {
      if (numbers.size() < 3) return NAN;
      if (numbers[0] > 31) {
        year = numbers[0];
        mon = numbers[1] - 1;
        dd = numbers[2];
      } else {
        mon = numbers[0] - 1;
        dd = numbers[1];
        year = numbers[2];
      }
    }
    if (year < 50 && numbers.size() > 0) {
      year += 2000;
    } else if (year < 100) {
      year += 1900;
    }
    if (mon < 0 || mon > 11 || dd < 1 || dd > 31) return NAN;
    if (pm && h < 12) h += 12;
    if (am && h == 12) h = 0;
    if (h > 24 || mi > 59 || sec > 59) return NAN;
    double t = make_date(make_day(year, mon, dd), make_time(h, mi, sec, std::floor(ms)));
    if (has_offset) return time_clip(t - offset);
    return time_clip(utc_of_local(t));
  }

  const std::u16string& s_;  // outlives the parser (parse_date's local)
  std::size_t pos_ = 0;
  bool iso_error_ = false;
};

double parse_date(VM& vm, String* s) {
  const std::u16string text = vm.flatten(s)->to_u16();
  DateParser p(text);
  return p.parse();
}

double now_ms() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
}

Value number(double d) {
  if (d >= -2147483648.0 && d <= 2147483647.0 && d == std::trunc(d) &&
      !(d == 0 && std::signbit(d))) {
    return Value::int32(static_cast<std::int32_t>(d));
  }
  return Value::number(d);
}

// thisTimeValue.
Object* this_date(VM& vm, CallInfo& ci, const char* method) {
  return this_object_of(vm, ci, ObjectClass::kDate, std::string("Date.prototype.") + method);
}
double time_value(Object* d) {
  Value v = d->internal();
  return v.is_int32() ? v.as_int32() : v.as_double();
}
void set_time_value(Object* d, double t) {
  d->set_internal(number(t));
}

// ---- constructor and statics ----

double date_args(VM& vm, CallInfo& ci, bool month_optional) {
  double nums[7] = {NAN, 0, 1, 0, 0, 0, 0};
  for (std::uint32_t i = 0; i < 7 && i < ci.argc; ++i) nums[i] = vm.to_number(ci.arg(i));
  if (ci.argc < 2 && !month_optional) nums[1] = 0;
  double y = nums[0];
  if (!std::isnan(y)) {
    double yi = std::trunc(y);
    if (yi >= 0 && yi <= 99) y = 1900 + yi;
  }
  return make_date(make_day(y, nums[1], nums[2]), make_time(nums[3], nums[4], nums[5], nums[6]));
}

Value date_ctor(VM& vm, CallInfo& ci) {
  if (ci.new_target.is_undefined()) {
    return Value::string(vm.new_string_ascii(to_date_string(now_ms())));
  }
  double tv;
  if (ci.argc == 0) {
    tv = now_ms();
  } else if (ci.argc == 1) {
    Value v = ci.arg(0);
    if (v.is_object() && v.as_object()->klass() == ObjectClass::kDate) {
      tv = time_value(v.as_object());
    } else {
      Value p = vm.to_primitive(v, 0);
      tv = p.is_string() ? parse_date(vm, p.as_string()) : time_clip(vm.to_number(p));
    }
  } else {
    tv = time_clip(utc_of_local(date_args(vm, ci, false)));
  }
  Object* proto = vm.intrinsics().date_prototype;
  Value pv = vm.get(ci.new_target.as_object(), PropertyKey::atom(vm.atoms().prototype));
  if (pv.is_object()) proto = pv.as_object();
  Object* d = vm.new_object_of_class(ObjectClass::kDate, proto, 0);
  set_time_value(d, tv);
  return Value::object(d);
}

Value date_parse(VM& vm, CallInfo& ci) {
  return number(parse_date(vm, vm.to_string(ci.arg(0))));
}
Value date_utc(VM& vm, CallInfo& ci) {
  return number(time_clip(date_args(vm, ci, true)));
}
Value date_now(VM&, CallInfo&) {
  return number(now_ms());
}

// ---- getters ----

enum Field { kYear, kMonth, kDate, kDay, kHours, kMinutes, kSeconds, kMs };

template <Field F, bool Utc>
Value getter(VM& vm, CallInfo& ci) {
  double t = time_value(this_date(vm, ci, "get"));
  if (std::isnan(t)) return Value::number(NAN);
  Fields f = fields(Utc ? t : local_time(t));
  switch (F) {
    case kYear:
      return number(f.year);
    case kMonth:
      return number(f.month);
    case kDate:
      return number(f.date);
    case kDay:
      return number(f.weekday);
    case kHours:
      return number(f.hours);
    case kMinutes:
      return number(f.minutes);
    case kSeconds:
      return number(f.seconds);
    case kMs:
      return number(f.ms);
  }
  return Value::undefined();
}

Value get_time(VM& vm, CallInfo& ci) {
  return number(time_value(this_date(vm, ci, "getTime")));
}
Value get_timezone_offset(VM& vm, CallInfo& ci) {
  double t = time_value(this_date(vm, ci, "getTimezoneOffset"));
  if (std::isnan(t)) return Value::number(NAN);
  return number((t - local_time(t)) / kMsPerMinute);
}
Value get_year(VM& vm, CallInfo& ci) {
  double t = time_value(this_date(vm, ci, "getYear"));
  if (std::isnan(t)) return Value::number(NAN);
  return number(fields(local_time(t)).year - 1900);
}

// ---- setters ----

// setX(args...): reads up to `n` numbers (all before checking NaN, as the
// spec orders the conversions) and rebuilds the time value.
template <Field F, bool Utc>
Value setter(VM& vm, CallInfo& ci) {
  Object* d = this_date(vm, ci, "set");
  Rooted rd(vm, Value::object(d));
  double t = time_value(d);
  constexpr int n = F == kYear      ? 3
                    : F == kMonth   ? 2
                    : F == kDate    ? 1
                    : F == kHours   ? 4
                    : F == kMinutes ? 3
                    : F == kSeconds ? 2
                                    : 1;
  double a[4] = {NAN, NAN, NAN, NAN};
  bool present[4] = {};
  for (int i = 0; i < n; ++i) {
    present[i] = i == 0 || static_cast<std::uint32_t>(i) < ci.argc;
    if (present[i]) a[i] = vm.to_number(ci.arg(static_cast<std::uint32_t>(i)));
  }
  if (std::isnan(t)) {
    if (F != kYear) return Value::number(NAN);
    t = 0;
  } else if (!Utc) {
    t = local_time(t);
  }
  Fields f = fields(t);
  double year = f.year, month = f.month, date = f.date, h = f.hours, mi = f.minutes, s = f.seconds,
         ms = f.ms;
  auto pick = [&](int i, double fallback) { return present[i] ? a[i] : fallback; };
  switch (F) {
    case kYear:
      year = a[0];
      month = pick(1, month);
      date = pick(2, date);
      break;
    case kMonth:
      month = a[0];
      date = pick(1, date);
      break;
    case kDate:
      date = a[0];
      break;
    case kHours:
      h = a[0];
      mi = pick(1, mi);
      s = pick(2, s);
      ms = pick(3, ms);
      break;
    case kMinutes:
      mi = a[0];
      s = pick(1, s);
      ms = pick(2, ms);
      break;
    case kSeconds:
      s = a[0];
      ms = pick(1, ms);
      break;
    case kMs:
      ms = a[0];
      break;
    case kDay:
      break;
  }
  double nt = make_date(make_day(year, month, date), make_time(h, mi, s, ms));
  double u = time_clip(Utc ? nt : utc_of_local(nt));
  set_time_value(rd.object(), u);
  return number(u);
}

Value set_time(VM& vm, CallInfo& ci) {
  Object* d = this_date(vm, ci, "setTime");
  Rooted rd(vm, Value::object(d));
  double t = time_clip(vm.to_number(ci.arg(0)));
  set_time_value(rd.object(), t);
  return number(t);
}

Value set_year(VM& vm, CallInfo& ci) {
  Object* d = this_date(vm, ci, "setYear");
  Rooted rd(vm, Value::object(d));
  double t = time_value(d);
  double y = vm.to_number(ci.arg(0));
  t = std::isnan(t) ? 0 : local_time(t);
  if (std::isnan(y)) {
    set_time_value(rd.object(), NAN);
    return Value::number(NAN);
  }
  double yi = std::trunc(y);
  double full = yi >= 0 && yi <= 99 ? 1900 + yi : y;
  Fields f = fields(t);
  double nt = make_date(make_day(full, f.month, f.date), time_within_day(t));
  double u = time_clip(utc_of_local(nt));
  set_time_value(rd.object(), u);
  return number(u);
}

// ---- string forms ----

Value to_string(VM& vm, CallInfo& ci) {
  return Value::string(
      vm.new_string_ascii(to_date_string(time_value(this_date(vm, ci, "toString")))));
}
Value to_date_string_fn(VM& vm, CallInfo& ci) {
  double t = time_value(this_date(vm, ci, "toDateString"));
  if (std::isnan(t)) return Value::string(vm.new_string_ascii("Invalid Date"));
  return Value::string(vm.new_string_ascii(date_part(fields(local_time(t)))));
}
Value to_time_string(VM& vm, CallInfo& ci) {
  double t = time_value(this_date(vm, ci, "toTimeString"));
  if (std::isnan(t)) return Value::string(vm.new_string_ascii("Invalid Date"));
  return Value::string(vm.new_string_ascii(time_part(t)));
}
Value to_utc_string(VM& vm, CallInfo& ci) {
  double t = time_value(this_date(vm, ci, "toUTCString"));
  if (std::isnan(t)) return Value::string(vm.new_string_ascii("Invalid Date"));
  Fields f = fields(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02.0f %s %s %02.0f:%02.0f:%02.0f GMT",
                kWeekdays[static_cast<int>(f.weekday)], f.date, kMonths[static_cast<int>(f.month)],
                year_text_short(f.year).c_str(), f.hours, f.minutes, f.seconds);
  return Value::string(vm.new_string_ascii(buf));
}
Value to_iso_string(VM& vm, CallInfo& ci) {
  double t = time_value(this_date(vm, ci, "toISOString"));
  if (std::isnan(t)) vm.throw_range_error("Invalid time value");
  return Value::string(vm.new_string_ascii(iso_string(t)));
}

// toLocale*String in Node's en-US form.
std::string locale_date(const Fields& f) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f/%.0f/%.0f", f.month + 1, f.date, f.year);
  return buf;
}
std::string locale_time(const Fields& f) {
  char buf[32];
  double h12 = std::fmod(f.hours, 12);
  if (h12 == 0) h12 = 12;
  std::snprintf(buf, sizeof buf, "%.0f:%02.0f:%02.0f %s", h12, f.minutes, f.seconds,
                f.hours < 12 ? "AM" : "PM");
  return buf;
}
template <int Kind>
Value to_locale(VM& vm, CallInfo& ci) {
  double t = time_value(this_date(vm, ci, "toLocaleString"));
  if (std::isnan(t)) return Value::string(vm.new_string_ascii("Invalid Date"));
  Fields f = fields(local_time(t));
  std::string out = Kind == 0   ? locale_date(f) + ", " + locale_time(f)
                    : Kind == 1 ? locale_date(f)
                                : locale_time(f);
  return Value::string(vm.new_string_ascii(out));
}

Value to_json(VM& vm, CallInfo& ci) {
  Rooted o(vm, Value::object(vm.to_object(ci.this_value)));
  Value tv = vm.to_primitive(o.get(), 1);
  if (tv.is_number() && !std::isfinite(vm.to_number(tv))) return Value::null();
  Value fn = vm.get(o.object(), vm.key("toISOString"));
  if (!vm.is_callable(fn)) vm.throw_type_error("toISOString is not a function");
  return vm.call(fn, o.get(), {});
}

Value to_primitive(VM& vm, CallInfo& ci) {
  if (!ci.this_value.is_object()) {
    vm.throw_type_error("Date.prototype[Symbol.toPrimitive] called on non-object");
  }
  Value hint = ci.arg(0);
  bool string_first;
  if (hint.is_string() &&
      (hint.as_string()->equals_ascii("string") || hint.as_string()->equals_ascii("default"))) {
    string_first = true;
  } else if (hint.is_string() && hint.as_string()->equals_ascii("number")) {
    string_first = false;
  } else {
    vm.throw_type_error("Invalid hint: " + vm.describe(hint));
  }
  Rooted o(vm, ci.this_value);
  String* order[2] = {vm.atoms().valueOf, vm.atoms().toString};
  if (string_first) std::swap(order[0], order[1]);
  for (String* name : order) {
    Value fn = vm.get(o.object(), PropertyKey::atom(name));
    if (vm.is_callable(fn)) {
      Value r = vm.call(fn, o.get(), {});
      if (!r.is_object()) return r;
    }
  }
  vm.throw_type_error("Cannot convert object to primitive value");
}

Value value_of(VM& vm, CallInfo& ci) {
  return number(time_value(this_date(vm, ci, "valueOf")));
}

}  // namespace

// For console.log: the ISO form, or "Invalid Date".
std::string date_inspect(Object* date) {
  double t = time_value(date);
  return std::isnan(t) ? "Invalid Date" : iso_string(t);
}

void install_date(VM& vm, Object* global) {
  Intrinsics& in = vm.intrinsics();
  in.date_prototype = vm.new_object_with_proto(in.object_prototype);
  NativeFunction* ctor = make_constructor(vm, global, "Date", date_ctor, 7, in.date_prototype);
  Rooted rc(vm, Value::object(ctor));
  vm.define_native(rc.object(), "now", date_now, 0);
  vm.define_native(rc.object(), "parse", date_parse, 1);
  vm.define_native(rc.object(), "UTC", date_utc, 7);
  Object* p = in.date_prototype;
  struct M {
    const char* name;
    NativeFn fn;
    std::uint32_t length;
  };
  const M methods[] = {
      {"getDate", getter<kDate, false>, 0},
      {"getDay", getter<kDay, false>, 0},
      {"getFullYear", getter<kYear, false>, 0},
      {"getHours", getter<kHours, false>, 0},
      {"getMilliseconds", getter<kMs, false>, 0},
      {"getMinutes", getter<kMinutes, false>, 0},
      {"getMonth", getter<kMonth, false>, 0},
      {"getSeconds", getter<kSeconds, false>, 0},
      {"getTime", get_time, 0},
      {"getTimezoneOffset", get_timezone_offset, 0},
      {"getUTCDate", getter<kDate, true>, 0},
      {"getUTCDay", getter<kDay, true>, 0},
      {"getUTCFullYear", getter<kYear, true>, 0},
      {"getUTCHours", getter<kHours, true>, 0},
      {"getUTCMilliseconds", getter<kMs, true>, 0},
      {"getUTCMinutes", getter<kMinutes, true>, 0},
      {"getUTCMonth", getter<kMonth, true>, 0},
      {"getUTCSeconds", getter<kSeconds, true>, 0},
      {"getYear", get_year, 0},
      {"setDate", setter<kDate, false>, 1},
      {"setFullYear", setter<kYear, false>, 3},
      {"setHours", setter<kHours, false>, 4},
      {"setMilliseconds", setter<kMs, false>, 1},
      {"setMinutes", setter<kMinutes, false>, 3},
      {"setMonth", setter<kMonth, false>, 2},
      {"setSeconds", setter<kSeconds, false>, 2},
      {"setTime", set_time, 1},
      {"setUTCDate", setter<kDate, true>, 1},
      {"setUTCFullYear", setter<kYear, true>, 3},
      {"setUTCHours", setter<kHours, true>, 4},
      {"setUTCMilliseconds", setter<kMs, true>, 1},
      {"setUTCMinutes", setter<kMinutes, true>, 3},
      {"setUTCMonth", setter<kMonth, true>, 2},
      {"setUTCSeconds", setter<kSeconds, true>, 2},
      {"setYear", set_year, 1},
      {"toDateString", to_date_string_fn, 0},
      {"toISOString", to_iso_string, 0},
      {"toJSON", to_json, 1},
      {"toLocaleDateString", to_locale<1>, 0},
      {"toLocaleString", to_locale<0>, 0},
      {"toLocaleTimeString", to_locale<2>, 0},
      {"toString", to_string, 0},
      {"toTimeString", to_time_string, 0},
      {"valueOf", value_of, 0},
  };
  for (const M& m : methods) vm.define_native(p, m.name, m.fn, m.length);
  // toGMTString is the same function object as toUTCString (B.2.3.1).
  NativeFunction* utc = vm.define_native(p, "toUTCString", to_utc_string, 0);
  vm.define_value(p, "toGMTString", Value::object(utc));
  Rooted rp(vm, Value::object(p));
  NativeFunction* prim = vm.new_native(to_primitive, vm.intern("[Symbol.toPrimitive]"), 1);
  vm.define_own_property(rp.object(), PropertyKey::symbol(in.symbol_to_primitive),
                         Value::object(prim), attr::kConfigurable);
}

}  // namespace kite::vm::builtins
