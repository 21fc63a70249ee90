// The item model: parameter parsing and validation, the CLI's exit codes.

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>
#include <sstream>

#include "descent/app/cli.hpp"
#include "descent/app/item.hpp"
#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"

using namespace descent;
using namespace descent::app;

namespace {
std::vector<double> numbers(const Value& v) {
  return std::get<std::vector<double>>(v);
}
}  // namespace

TEST_CASE("app/parse_value: numbers, constants, products and quotients") {
  const auto p = Param::number("theta", "0", Provenance::book, "");
  CHECK(numbers(parse_value(p, "1.5")) == std::vector<double>{1.5});
  CHECK(numbers(parse_value(p, "-2e-3")) == std::vector<double>{-2e-3});
  CHECK(numbers(parse_value(p, "pi/6")) == std::vector<double>{std::numbers::pi / 6});
  CHECK(numbers(parse_value(p, "-2*e")) == std::vector<double>{-2 * std::numbers::e});
  const auto v = Param::vector("x0", "0,0", Provenance::book, "", 2, 2);
  CHECK(numbers(parse_value(v, "0.4,-0.2")) == std::vector<double>{0.4, -0.2});
}

TEST_CASE("app/parse_value: malformed, non-finite and out-of-range values are refused") {
  const auto p = Param::number("alpha", "0.1", Provenance::book, "", Interval{0, 1, true, false});
  CHECK_THROWS_WITH_AS(
      (void)parse_value(p, "abc"),
      "parameter alpha: 'abc' is not a finite number; allowed: a number with 0 < alpha <= 1",
      invalid_argument);
  for (const char* bad : {"nan", "inf", "-inf", "1e999", "1/0", "", "1.5.2", "0x10", "2pi"})
    CHECK_THROWS_AS((void)parse_value(p, bad), invalid_argument);
  CHECK_THROWS_WITH_AS((void)parse_value(p, "0"),
                       "parameter alpha: 0 is out of range; allowed: a number with 0 < alpha <= 1",
                       invalid_argument);
  const auto n = Param::integer("n", "1", Provenance::book, "", Interval::closed(1, 10));
  CHECK_THROWS_AS((void)parse_value(n, "2.5"), invalid_argument);
  const auto v = Param::vector("x0", "0,0", Provenance::book, "", 2, 2);
  CHECK_THROWS_WITH_AS((void)parse_value(v, "1,2,3"),
                       "parameter x0: '1,2,3' has 3 elements; allowed: 2 comma-separated numbers",
                       invalid_argument);
}

TEST_CASE("app/parse_value: hexadecimal and hex-float numbers are refused, whatever the range") {
  // strtod reads "0x10" as 16 and "0x1p-2" as 0.25; a range that admits both shows the parser
  // itself refuses them.
  const auto p = Param::number("theta0", "1", Provenance::book, "");
  for (const char* hex : {"0x10", "0X10", "0x1p-2", "-0x10", "1e", "1e+", ".", "e5", "1,5"})
    CHECK_THROWS_WITH_AS((void)parse_value(p, hex), doctest::Contains("is not a finite number"),
                         invalid_argument);
  CHECK(numbers(parse_value(p, ".5")) == std::vector<double>{0.5});
  CHECK(numbers(parse_value(p, "5.")) == std::vector<double>{5.0});
  CHECK(numbers(parse_value(p, "1E+3")) == std::vector<double>{1000.0});
}

TEST_CASE("app/parse_value: flags, named choices and text") {
  const auto damped = Param::flag("damped", false, Provenance::companion, "");
  CHECK(damped.default_value == "no");
  CHECK(std::get<bool>(parse_value(damped, "yes")));
  CHECK_FALSE(std::get<bool>(parse_value(damped, "no")));
  CHECK_THROWS_WITH_AS((void)parse_value(damped, "1"),
                       "parameter damped: '1' is not a flag; allowed: yes or no", invalid_argument);

  enum class Form { classical, nesterov };
  constexpr Names<Form, 2> forms{{{"classical", Form::classical}, {"nesterov", Form::nesterov}}};
  const auto form = Param::choice("form", Form::nesterov, forms, Provenance::book, "");
  CHECK(form.default_value == "nesterov");
  CHECK(form.expected() == "one of classical, nesterov");
  // An integer where a name is expected is refused with the list of names.
  CHECK_THROWS_WITH_AS((void)parse_value(form, "1"),
                       "parameter form: '1' is not one of the names; allowed: one of classical, "
                       "nesterov",
                       invalid_argument);
  Item item{"eq-0.2", "t", "s", {form, damped}, nullptr};
  const Params p = resolve_params(item, {"form=classical", "damped=yes"});
  CHECK(p.choice("form") == "classical");
  CHECK(p.choice("form", forms) == Form::classical);
  CHECK(p.flag("damped"));
  CHECK_THROWS_AS((void)p.number("form"), std::logic_error);  // read as the wrong kind

  const auto dir = Param::text("data", "", Provenance::companion, "");
  CHECK(std::get<std::string>(parse_value(dir, "/tmp/it's \"here\" $(x)")) ==
        "/tmp/it's \"here\" $(x)");
  CHECK_THROWS_WITH_AS((void)parse_value(dir, "a\nb"),
                       "parameter data: 'a\\nb' contains a control character; allowed: text of "
                       "at most 4096 printable characters",
                       invalid_argument);
  CHECK_THROWS_AS((void)parse_value(dir, std::string(5000, 'x')), invalid_argument);
}

TEST_CASE("app/quoted_input: control characters escaped, long input cut") {
  CHECK(quoted_input("abc") == "'abc'");
  CHECK(quoted_input("1\n2\x1b") == "'1\\n2\\x1b'");
  CHECK(quoted_input(std::string(131072, 'x')) ==
        "'" + std::string(40, 'x') + "...' (131072 characters)");
}

TEST_CASE("app/resolve_params: defaults, overrides, unknown names") {
  Item item{"eq-0.1",
            "t",
            "s",
            {Param::number("a", "1", Provenance::book, ""),
             Param::number("b", "2", Provenance::companion, "")},
            nullptr};
  const Params p = resolve_params(item, {"b=5"});
  CHECK(p.number("a") == 1);
  CHECK(p.number("b") == 5);
  CHECK_THROWS_WITH_AS((void)resolve_params(item, {"c=1"}),
                       "item eq-0.1 has no parameter 'c'; allowed: a, b", invalid_argument);
  CHECK_THROWS_AS((void)resolve_params(item, {"a"}), invalid_argument);
}

TEST_CASE("app/interval: descriptions read as inequalities") {
  CHECK(Interval::open(0, 1).describe("beta") == "0 < beta < 1");
  CHECK(Interval::at_least(1).describe("m") == "1 <= m");
  CHECK(Interval::any().describe("x") == "any finite number");
  CHECK_THROWS_WITH_AS(require("c1", 1.5, Interval::open(0, 1)),
                       "c1 = 1.5 is out of range; allowed: 0 < c1 < 1", invalid_argument);
  CHECK_THROWS_AS(require("c1", std::nan(""), Interval::any()), invalid_argument);
}

TEST_CASE("app/cli: exit status 0 on success, 2 on bad input, 1 on failure") {
  Chapter c;
  c.id = "demo";
  c.add(
      {"ok", "works", "here", {Param::number("x", "1", Provenance::book, "")}, [](const Params& p) {
         report::Result r;
         r.value("x", p.number("x"));
         return r;
       }});
  c.add({"broken", "fails", "here", {}, [](const Params&) -> report::Result {
           throw std::runtime_error("numerical trouble");
         }});
  std::ostringstream out, err;
  CHECK(run_cli(c, {"run", "ok", "--set", "x=2", "--format", "json"}, out, err) == 0);
  CHECK(out.str().find(R"("values":{"x":2})") != std::string::npos);
  CHECK(err.str().empty());
  out.str("");
  CHECK(run_cli(c, {"run", "nope"}, out, err) == 2);
  CHECK(out.str().empty());
  err.str("");
  CHECK(run_cli(c, {"run", "broken"}, out, err) == 1);
  CHECK(err.str() == "demo: error: numerical trouble\n");
}

TEST_CASE("app/cli: describe and list show the errata an item names") {
  Chapter c;
  c.id = "demo";
  c.add({"misprinted",
         "computes the corrected form",
         "here",
         {},
         [](const Params&) { return report::Result{}; },
         {{"demo-1", "prints A; correct B"}}});
  std::ostringstream out, err;
  CHECK(run_cli(c, {"describe", "misprinted"}, out, err) == 0);
  CHECK(out.str().find("source: here\nerratum: prints A; correct B — see errata.html#demo-1\n") !=
        std::string::npos);
  out.str("");
  CHECK(run_cli(c, {"list", "--format", "json"}, out, err) == 0);
  CHECK(
      out.str().find(
          R"("errata":[{"anchor":"demo-1","summary":"prints A; correct B","link":"errata.html#demo-1"}])") !=
      std::string::npos);
  out.str("");
  CHECK(run_cli(c, {"run", "misprinted"}, out, err) == 0);
  CHECK(out.str().find("erratum: prints A; correct B — see errata.html#demo-1\n") !=
        std::string::npos);
}
