// Pins the generated perf-flag header: the master switch and every flag are
// present, and each flag's macro agrees with its table entry.
#include <kite/perf_flags.h>

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace {

TEST(PerfFlags, TableHasUniqueNamedFlags) {
  std::set<std::string> names;
  for (const kite::PerfFlag& flag : kite::kPerfFlags) {
    EXPECT_EQ(std::string(flag.name).rfind("KITE_OPT_", 0), 0u) << flag.name;
    EXPECT_GT(std::string(flag.description).size(), 10u) << flag.name;
    EXPECT_TRUE(names.insert(flag.name).second) << "duplicate " << flag.name;
  }
  EXPECT_GE(names.size(), 1u);
}

bool table_value(const std::string& name) {
  for (const kite::PerfFlag& flag : kite::kPerfFlags) {
    if (name == flag.name) return flag.enabled;
  }
  ADD_FAILURE() << name << " missing from kPerfFlags";
  return false;
}

TEST(PerfFlags, MacrosAgreeWithTable) {
  EXPECT_EQ(table_value("KITE_OPT_COMPUTED_GOTO"), KITE_OPT_COMPUTED_GOTO == 1);
  EXPECT_EQ(table_value("KITE_OPT_INLINE_CACHE"), KITE_OPT_INLINE_CACHE == 1);
  EXPECT_EQ(table_value("KITE_OPT_INT_FASTPATH"), KITE_OPT_INT_FASTPATH == 1);
  EXPECT_EQ(table_value("KITE_OPT_SIZE_CLASS_HEAP"), KITE_OPT_SIZE_CLASS_HEAP == 1);
  EXPECT_EQ(kite::kPerfOptsMaster, KITE_PERF_OPTS == 1);
}

}  // namespace
