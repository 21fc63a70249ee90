// descent::autodiff against sympy's exact derivatives and torch.autograd
// (tests/reference/fixtures/autodiff.json, written by tests/reference/generate_autodiff.py)
// and against closed forms.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

#include "descent/autodiff/api.hpp"
#include "descent/autodiff/dot.hpp"
#include "descent/autodiff/finite_difference.hpp"
#include "descent/autodiff/paths.hpp"
#include "descent/autodiff/trace.hpp"
#include "descent/core/error.hpp"
#include "fixtures.hpp"

using namespace descent::autodiff;
using descent::testing::load_fixture;

namespace {

// Derivatives by AD are exact up to rounding of a few operations: a few ulps relative.
constexpr double kRel = 1e-14;

const nlohmann::json& fixture() {
  static const auto j = load_fixture("autodiff.json");
  return j;
}

// One elementary function applied to any number type, by fixture name.
template <class T>
T apply(const std::string& name, T x) {
  if (name == "sin") return sin(x);
  if (name == "cos") return cos(x);
  if (name == "exp") return exp(x);
  if (name == "log") return log(x);
  if (name == "log1p") return log1p(x);
  if (name == "sqrt") return sqrt(x);
  if (name == "tanh") return tanh(x);
  if (name == "sigmoid") return sigmoid(x);
  if (name == "pow2.5") return pow(x, 2.5);
  if (name == "recip") return 1.0 / x;
  throw std::logic_error("no function " + name);
}

// MEDL §4.4's example g and MEDL (4.27), written once for every number type.
auto g = [](const auto& t) {
  using T = std::decay_t<decltype(t[0])>;
  return std::vector<T>{t[0] - 7.0 * t[1] + 5.0 * t[2], t[1] * t[2]};
};
auto c427 = [](const auto& t) { return sin(t[0] * t[1]) + exp(t[1] + t[2]) - 2.0 * t[2]; };

}  // namespace

TEST_CASE("autodiff/dual: tangent rules of the elementary functions match sympy") {
  for (const auto& [name, points] : fixture()["elementary"].items()) {
    for (const auto& p : points) {
      const double x = p["x"];
      CAPTURE(name);
      CAPTURE(x);
      const Dual1 y = apply(name, Dual1(x, 1.0));
      CHECK(y.value == doctest::Approx(double(p["value"])).epsilon(kRel));
      CHECK(y.tangent == doctest::Approx(double(p["d1"])).epsilon(kRel));
      // nested duals: second derivative
      const Dual2 z = apply(name, Dual2(Dual1(x, 1.0), Dual1(1.0, 0.0)));
      CHECK(z.tangent.tangent == doctest::Approx(double(p["d2"])).epsilon(1e-13));
      // the same rule through the tape
      Tape tape;
      const Var v = apply(name, tape.input(x));
      std::vector<double> adjoint;
      tape.backward({v.index}, {1.0}, adjoint);
      CHECK(v.value() == doctest::Approx(double(p["value"])).epsilon(kRel));
      CHECK(adjoint[0] == doctest::Approx(double(p["d1"])).epsilon(kRel));
    }
  }
}

TEST_CASE("autodiff/dual: kinks give a documented subgradient, never NaN") {
  CHECK(abs(Dual1(0.0, 1.0)).tangent == 0.0);
  CHECK(relu(Dual1(0.0, 1.0)).tangent == 0.0);
  CHECK(max(Dual1(2.0, 1.0), Dual1(2.0, 3.0)).tangent == 2.0);  // tie: the mean
  CHECK(sqrt(Dual1(0.0, 0.0)).tangent == 0.0);                  // still input: 0, not 0·∞
  CHECK(sqrt(Dual1(0.0, 1.0)).tangent == std::numeric_limits<double>::infinity());
  CHECK(pow(Dual1(0.0, 0.0), 0.5).tangent == 0.0);
  CHECK(pow(Dual1(0.0, 1.0), Dual1(2.0, 1.0)).tangent == 0.0);  // b˙ log(a) a^b → 0 at a = 0
  CHECK(sigmoid(Dual1(-800.0, 1.0)).value == 0.0);              // no overflow, no NaN
  CHECK_FALSE(std::isnan(sigmoid(Dual1(800.0, 1.0)).tangent));
  // reverse mode: the sqrt at 0 whose result is not used carries no adjoint
  Tape tape;
  const Var x = tape.input(0.0);
  const Var unused = sqrt(x) * 0.0;
  const Var y = x * 3.0;
  std::vector<double> adjoint;
  tape.backward({y.index}, {1.0}, adjoint);
  CHECK(adjoint[0] == 3.0);
  (void)unused;
  Tape t2;
  const Var a = t2.input(0.0), b = t2.input(0.0);
  const Var m = max(a, b) + abs(a);
  t2.backward({m.index}, {1.0}, adjoint);
  CHECK(adjoint[0] == 0.5);
  CHECK(adjoint[1] == 0.5);
}

TEST_CASE("autodiff/api: MEDL §4.4 example against the book and torch") {
  const std::vector<double> theta{2.5, 2.1, 1.4};
  // MEDL p. 137: jvp with v = e2 is (−7, 1.4); partial_derivative(i=2, j=3) is 2.1.
  const auto v = jvp(g, theta, {0, 1, 0});
  CHECK(v[0] == -7.0);
  CHECK(v[1] == doctest::Approx(1.4).epsilon(kRel));
  CHECK(partial_derivative(g, theta, 1, 2) == doctest::Approx(2.1).epsilon(kRel));
  for (const auto& ref : fixture()["medl_g"]) {
    const auto t = ref["theta"].get<std::vector<double>>();
    const auto J = jacobian(g, t);
    CHECK(J.mode == Mode::reverse);  // m = 2 < d = 3: two backward sweeps
    for (std::size_t i = 0; i < 2; ++i) {
      for (std::size_t j = 0; j < 3; ++j)
        CHECK(J.rows[i][j] == doctest::Approx(double(ref["jacobian"][i][j])).epsilon(kRel));
      std::vector<double> u(2, 0.0);
      u[i] = 1;
      const auto row = vjp(g, t, u);  // uᵀJ = row i
      for (std::size_t j = 0; j < 3; ++j)
        CHECK(row[j] == doctest::Approx(double(ref["jacobian"][i][j])).epsilon(kRel));
    }
  }
  // a tall function gets the forward mode
  auto tall = [](const auto& t) {
    using T = std::decay_t<decltype(t[0])>;
    return std::vector<T>{t[0] * t[0], sin(t[0]), exp(t[0])};
  };
  const auto J = jacobian(tall, std::vector<double>{0.5});
  CHECK(J.mode == Mode::forward);
  CHECK(J.rows[1][0] == doctest::Approx(std::cos(0.5)).epsilon(kRel));
  CHECK_THROWS_AS((void)jvp(g, theta, {1, 0}), descent::invalid_argument);
  CHECK_THROWS_AS((void)partial_derivative(g, theta, 2, 0), descent::invalid_argument);
}

TEST_CASE("autodiff/api: gradient and Hessian of (4.27) and extended Rosenbrock match torch") {
  for (const auto& ref : fixture()["medl_c427"]) {
    const auto t = ref["theta"].get<std::vector<double>>();
    const auto grad = gradient(c427, t);
    const auto H = hessian(c427, t);
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(grad[i] == doctest::Approx(double(ref["gradient"][i])).epsilon(kRel));
      for (std::size_t j = 0; j < 3; ++j)
        CHECK(H[i][j] == doctest::Approx(double(ref["hessian"][i][j])).epsilon(kRel));
    }
  }
  const auto& ref = fixture()["rosenbrock"];
  auto rosen = [](const auto& t) {
    auto s = 0.0 * t[0];
    for (std::size_t i = 0; i + 1 < t.size(); i += 2) {
      const auto a = 1.0 - t[i], b = t[i + 1] - t[i] * t[i];
      s = s + a * a + 100.0 * (b * b);
    }
    return s;
  };
  const auto t = ref["theta"].get<std::vector<double>>();
  const auto grad = gradient(rosen, t);
  const auto H = hessian(rosen, t);
  for (std::size_t i = 0; i < t.size(); ++i) {
    CHECK(grad[i] == doctest::Approx(double(ref["gradient"][i])).epsilon(kRel));
    for (std::size_t j = 0; j < t.size(); ++j)
      CHECK(H[i][j] == doctest::Approx(double(ref["hessian"][i][j])).epsilon(kRel));
  }
}

TEST_CASE("autodiff/tape: iterations, tangents, adjoints and replay on the graph (4.27)") {
  Tape tape;
  const Var t1 = tape.input(std::numbers::pi / 6), t2 = tape.input(2), t3 = tape.input(5);
  const Var a1 = t1 * t2, a2 = t2 + t3, a3 = t3 * tape.constant(-2);
  const Var a4 = sin(a1), a5 = exp(a2), a6 = tape.sum({a4, a5, a3});
  // MEDL Table 4.1: iterations 1, 1, 1, 2, 2, 3 (catalogue C28)
  const auto it = tape.forward_iterations();
  CHECK(it[a1.index] == 1);
  CHECK(it[a3.index] == 1);
  CHECK(it[a5.index] == 2);
  CHECK(it[a6.index] == 3);
  // MEDL Table 4.3: ζ4, ζ5, ζ3 in iteration 1; ζ1, ζ2 in 2; the inputs in 3
  const auto back = tape.backward_iterations(a6.index);
  CHECK(back[a3.index] == 1);
  CHECK(back[a1.index] == 2);
  CHECK(back[t3.index] == 3);
  const auto rows = trace(tape, a6.index, {0, 1, 0});
  CHECK(rows[a6.index].tangent == doctest::Approx(std::numbers::pi / 12 + std::exp(7.0)));
  CHECK(rows[a4.index].primal_formula == "a4 = sin(a1)");
  CHECK(rows[a4.index].tangent_formula == "a4' = cos(a1)*a1'");
  CHECK(rows[a1.index].adjoint_formula == "zeta(a1) = cos(a1)*zeta(a4)");
  CHECK(rows[t3.index].adjoint_formula == "zeta(theta3) = zeta(a2) - 2*zeta(a3)");
  // replay at another point equals recording there (torch fixture)
  const auto& ref = fixture()["medl_c427"][1];
  tape.replay(ref["theta"].get<std::vector<double>>());
  CHECK(tape.node(a6.index).value == doctest::Approx(double(ref["value"])).epsilon(kRel));
  std::vector<double> adjoint;
  tape.backward({a6.index}, {1.0}, adjoint);
  for (std::size_t i = 0; i < 3; ++i)
    CHECK(adjoint[i] == doctest::Approx(double(ref["gradient"][i])).epsilon(kRel));
}

// One program through every operation the tape records, for any number type T (double for
// the plain evaluation, Dual1 for forward mode, Var for the tape). Inputs in (0.5, 2).
double sigmoid(double a) {
  return 1 / (1 + std::exp(-a));
}
double relu(double a) {
  return a > 0 ? a : 0;
}

template <class T>
std::vector<T> every_operation(const std::vector<T>& x) {
  using std::abs, std::cos, std::exp, std::log, std::log1p, std::max, std::pow, std::sin, std::sqrt,
      std::tanh;
  const T a = x[0] * x[1], b = x[0] / x[1], c = x[1] - x[0], d = -x[2];
  const T e = (a + 0.5) + (1.5 + b) + (c - 0.25) + (2.0 - d);  // +c (both sides), +c (−c), c−
  const T f = (3.0 * a) * (a * 1.5) + (b / 4.0) + (2.0 / b);   // c*, *c, /c, c/
  const T g = pow(x[2], 2.5) + sin(a) + cos(b) + exp(c) + log(x[0]) + log1p(x[1]);
  const T h = sqrt(x[2]) + tanh(c) + sigmoid(d) + abs(c) + relu(x[1] - 0.5) + max(x[0], x[1]);
  return {e, f, g, h};
}

TEST_CASE("autodiff/tape: a replay through every operation equals evaluating afresh") {
  const std::vector<double> A{1.25, 0.75, 1.5}, B{0.6, 1.9, 0.8};
  Tape tape;
  std::vector<Var> x;
  for (double t : A) x.push_back(tape.input(t));
  const auto y = every_operation(x);
  tape.replay(B);  // values and local partials at B, from the tape recorded at A
  const auto plain = every_operation(B);
  for (std::size_t k = 0; k < y.size(); ++k)
    CHECK(y[k].value() == doctest::Approx(plain[k]).epsilon(kRel));
  // the replayed partials give the gradient at B: against forward mode (dual numbers)
  std::vector<double> adjoint;
  for (std::size_t k = 0; k < y.size(); ++k) {
    tape.backward({y[k].index}, {1.0}, adjoint);
    for (std::size_t j = 0; j < B.size(); ++j) {
      std::vector<double> e(B.size(), 0.0);
      e[j] = 1;
      const double forward = jvp([](const auto& t) { return every_operation(t); }, B, e)[k];
      CAPTURE(k);
      CAPTURE(j);
      CHECK(adjoint[x[j].index] == doctest::Approx(forward).epsilon(kRel));
    }
  }
  // the constants of the *_const nodes survive in order: c of the 2.0 − d node, of 2.0 / b
  bool saw_sub_const = false, saw_rdiv_const = false;
  for (std::uint32_t i = 0; i < tape.size(); ++i) {
    const Node n = tape.node(i);
    CHECK(has_constant(n.op) == (n.op == Op::constant || n.op == Op::add_const ||
                                 n.op == Op::sub_const || n.op == Op::mul_const ||
                                 n.op == Op::div_const || n.op == Op::rdiv_const ||
                                 n.op == Op::pow_const));
    if (!has_constant(n.op)) CHECK(n.constant == 0);
    if (n.op == Op::sub_const) {
      saw_sub_const = true;
      CHECK(n.constant == 2.0);
    }
    if (n.op == Op::rdiv_const) {
      saw_rdiv_const = true;
      CHECK(n.constant == 2.0);
    }
    if (n.op == Op::pow_const) CHECK(n.constant == 2.5);
  }
  CHECK(saw_sub_const);
  CHECK(saw_rdiv_const);
}

TEST_CASE("autodiff/tape: a tape grown from nothing keeps every node, edge and constant") {
  // 3000 links of a chain s_k = s_{k-1} * x_k + c_k·x_k, then one sum of 500 terms: the
  // columns grow by doubling many times, the sum's edges in the middle of a growth.
  constexpr int kLinks = 3000, kTerms = 500;
  Tape tape;
  std::vector<Var> x;
  Var s = tape.input(1.0);
  double plain = 1.0;
  std::vector<Var> terms;
  for (int k = 1; k <= kLinks; ++k) {
    const double xk = 1.0 + 1e-4 * k, ck = 0.5 + 1e-3 * (k % 7);
    x.push_back(tape.input(xk));
    s = s * x.back() + ck * x.back();
    plain = plain * xk + ck * xk;
    if (k % (kLinks / kTerms) == 0) terms.push_back(s);
  }
  const Var total = tape.sum(terms);
  const Var out = total / 1e3;
  CHECK(s.value() == doctest::Approx(plain).epsilon(1e-12));
  CHECK(tape.size() == 1 + kLinks * 4 + 2);  // s0; per link x, *, c*, +; the sum; the /c
  CHECK(tape.edge_count() == kLinks * 5 + kTerms + 1);
  // every c* node carries its c, every input none; the sum's edges point at the terms
  int k = 0;
  for (std::uint32_t i = 0; i < tape.size(); ++i) {
    const Node n = tape.node(i);
    if (n.op == Op::mul_const) {
      ++k;
      CHECK(n.constant == 0.5 + 1e-3 * (k % 7));
      CHECK(tape.partial(n.first) == n.constant);
    }
  }
  CHECK(k == kLinks);
  const Node sum = tape.node(total.index);
  REQUIRE(sum.count == kTerms);
  for (std::uint32_t j = 0; j < sum.count; ++j) {
    CHECK(tape.parent(sum.first + j) == terms[j].index);
    CHECK(tape.partial(sum.first + j) == 1.0);
  }
  CHECK(tape.node(out.index).constant == 1e3);
  // and the gradient through all of it: d out / d s_final = 1e-3 (the last term is s)
  std::vector<double> adjoint;
  tape.backward({out.index}, {1.0}, adjoint);
  CHECK(adjoint[terms.back().index] == doctest::Approx(1e-3).epsilon(kRel));
}

// The backward sweep in its plainest form, every contribution pushed through memory: what
// Tape::backward must equal bit for bit (it keeps the adjoint of the node below in a register).
static std::vector<double> plain_sweep(const Tape& tape, const std::vector<std::uint32_t>& outputs,
                                       const std::vector<double>& seeds) {
  std::vector<double> zeta(tape.size(), 0.0);
  for (std::size_t k = 0; k < outputs.size(); ++k) zeta[outputs[k]] += seeds[k];
  for (std::uint32_t i = static_cast<std::uint32_t>(tape.size()); i-- > 0;) {
    if (zeta[i] == 0) continue;
    const Node n = tape.node(i);
    for (std::uint32_t e = n.first; e < n.first + n.count; ++e)
      zeta[tape.parent(e)] += tape.partial(e) * zeta[i];
  }
  return zeta;
}

TEST_CASE("autodiff/tape: the sweep's adjoints equal the plain push sweep's, bit for bit") {
  // Random graphs: each node takes its parents among the last few nodes (often the one just
  // below, sometimes twice, as in x·x), with sums that repeat a term, a √0 whose infinite
  // partial carries no adjoint, and several seeded outputs.
  std::uint64_t state = 12345;
  auto next = [&](std::uint32_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>((state >> 33) % bound);
  };
  for (int graph = 0; graph < 20; ++graph) {
    Tape tape;
    std::vector<Var> v;
    for (int k = 0; k < 4; ++k) v.push_back(tape.input(0.5 + 0.25 * k));
    const Var unused_kink = sqrt(tape.input(0.0));  // partial +inf, adjoint 0
    for (int k = 0; k < 300; ++k) {
      const auto pick = [&] {
        const auto back =
            std::min<std::uint32_t>(next(4), static_cast<std::uint32_t>(v.size() - 1));
        return v[v.size() - 1 - back];
      };
      const Var a = pick(), b = pick();
      switch (next(6)) {
        case 0: v.push_back(a * b); break;
        case 1: v.push_back(a + 0.5 * b); break;
        case 2: v.push_back(sin(a)); break;
        case 3: v.push_back(a * a); break;
        case 4: v.push_back(tape.sum({a, b, a, v.back()})); break;
        default: v.push_back(tanh(a - b)); break;
      }
    }
    const std::vector<std::uint32_t> outputs{v.back().index, v[v.size() - 7].index, v[9].index};
    const std::vector<double> seeds{1.0, -0.3, 2.5};
    std::vector<double> adjoint;
    tape.backward(outputs, seeds, adjoint);
    const std::vector<double> expected = plain_sweep(tape, outputs, seeds);
    REQUIRE(adjoint.size() == expected.size());
    int differ = 0;
    for (std::size_t i = 0; i < adjoint.size(); ++i)
      if (std::memcmp(&adjoint[i], &expected[i], sizeof(double)) != 0) ++differ;
    CHECK(differ == 0);
    CHECK(adjoint[unused_kink.index] == 0);
    CHECK(std::isfinite(adjoint[v[0].index]));
  }
}

TEST_CASE("autodiff/tape: node(i) finds every node's edges and constant, across blocks") {
  // The tape keeps no per-node edge offset nor constant index: node(i) counts from where the
  // edges and constants of every 64th node start, the sweeps from the operations' arities and
  // the sums' side table. 1000 nodes of every arity, with sums of 1 to 90 terms (some longer
  // than a block) and constants that differ node to node, against the counts, parents and
  // constants this test wrote down while recording.
  std::uint64_t state = 777;
  auto next = [&](std::uint32_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>((state >> 33) % bound);
  };
  Tape tape;
  std::vector<Var> v{tape.input(0.3), tape.input(-1.2)};
  std::vector<std::vector<std::uint32_t>> parents{{}, {}};
  std::vector<double> constants{0, 0};
  while (v.size() < 1000) {
    const double c = 0.5 + static_cast<double>(v.size());
    constants.push_back(0);
    const Var a = v[v.size() - 1 - next(std::min<std::uint32_t>(5, v.size()))];
    const Var b = v[next(static_cast<std::uint32_t>(v.size()))];
    switch (next(6)) {
      case 0: v.push_back(a * b), parents.push_back({a.index, b.index}); break;
      case 1: v.push_back(tanh(a)), parents.push_back({a.index}); break;
      case 2: v.push_back(tape.input(0.01 * next(100))), parents.emplace_back(); break;
      case 3: v.push_back(tape.constant(c)), parents.emplace_back(), constants.back() = c; break;
      case 4: v.push_back(c - a), parents.push_back({a.index}), constants.back() = c; break;
      default: {
        std::vector<Var> terms;
        std::vector<std::uint32_t> indices;
        for (std::uint32_t k = 0, n = 1 + next(90); k < n; ++k) {
          terms.push_back(v[next(static_cast<std::uint32_t>(v.size()))]);
          indices.push_back(terms.back().index);
        }
        v.push_back(tape.sum(terms)), parents.push_back(indices);
      }
    }
  }
  REQUIRE(tape.size() == parents.size());
  auto check = [&](const Tape& t) {
    std::uint32_t first = 0, wrong = 0;
    for (std::uint32_t i = 0; i < t.size(); ++i) {
      const Node n = t.node(i);
      if (n.first != first || n.count != parents[i].size() || n.constant != constants[i]) ++wrong;
      for (std::uint32_t k = 0; k < n.count && n.first == first; ++k)
        if (t.parent(n.first + k) != parents[i][k]) ++wrong;
      first += static_cast<std::uint32_t>(parents[i].size());
    }
    CHECK(wrong == 0);
    CHECK(t.edge_count() == first);
  };
  check(tape);
  const Tape copy = tape;
  check(copy);
  // the sweeps walk the same edges: the sweep's gradient equals the plain push sweep's
  std::vector<double> adjoint;
  copy.backward({v.back().index}, {1.0}, adjoint);
  const std::vector<double> expected = plain_sweep(copy, {v.back().index}, {1.0});
  CHECK(std::memcmp(adjoint.data(), expected.data(), adjoint.size() * sizeof(double)) == 0);
  // backward_iterations starts its walk at node 700: its levels against those of the parents
  // this test wrote down (MEDL Table 4.3's rule: 1 + the largest level among the children)
  const std::uint32_t output = v[700].index;
  std::vector<int> expected_levels(copy.size(), -1);
  expected_levels[output] = 0;
  for (std::uint32_t i = output + 1; i-- > 0;)
    if (expected_levels[i] >= 0)
      for (const std::uint32_t p : parents[i])
        expected_levels[p] = std::max(expected_levels[p], expected_levels[i] + 1);
  CHECK(copy.backward_iterations(output) == expected_levels);
  const Tape moved = std::move(tape);
  check(moved);
}

TEST_CASE("autodiff/tape: input_vector records the nodes that input() records one by one") {
  // Two tapes, the same program: some nodes first (or none), then 150 inputs, made in one call
  // on one tape and one by one on the other, then products, sums and constants of them. The
  // bulk call writes its own operations, primals and block starts: every node, edge, name and
  // adjoint must come out the same, across the blocks of 64 nodes the inputs straddle.
  for (const int before : {0, 70}) {
    CAPTURE(before);
    std::vector<double> values;
    for (int k = 0; k < 150; ++k) values.push_back(0.1 * k - 3.0);
    auto program = [&](Tape& tape, bool in_one_call) {
      Var s = tape.input(0.5);
      for (int k = 1; k < before; k += 2) s = 2.0 * s + tape.constant(0.25 * k);
      std::vector<Var> x;
      if (in_one_call) {
        const InputVector inputs = tape.input_vector(values);
        CHECK(inputs.size() == values.size());
        x = inputs.to_vector();
      } else {
        for (double t : values) x.push_back(tape.input(t));
      }
      for (std::size_t i = 0; i + 1 < x.size(); ++i) s = s + x[i] * x[i + 1] - 0.5 * x[i];
      return s;
    };
    Tape one_call, one_by_one;
    const Var out = program(one_call, true), expected_out = program(one_by_one, false);
    REQUIRE(one_call.size() == one_by_one.size());
    CHECK(out.index == expected_out.index);
    CHECK(one_call.edge_count() == one_by_one.edge_count());
    CHECK(one_call.inputs() == one_by_one.inputs());
    int differ = 0;
    for (std::uint32_t i = 0; i < one_call.size(); ++i) {
      const Node a = one_call.node(i), b = one_by_one.node(i);
      if (a.op != b.op || a.first != b.first || a.count != b.count || a.value != b.value ||
          a.constant != b.constant || one_call.name(i) != one_by_one.name(i))
        ++differ;
    }
    for (std::uint32_t e = 0; e < one_call.edge_count(); ++e)
      if (one_call.parent(e) != one_by_one.parent(e) ||
          one_call.partial(e) != one_by_one.partial(e))
        ++differ;
    CHECK(differ == 0);
    std::vector<double> adjoint, expected;
    one_call.backward({out.index}, {1.0}, adjoint);
    one_by_one.backward({expected_out.index}, {1.0}, expected);
    CHECK(std::memcmp(adjoint.data(), expected.data(), adjoint.size() * sizeof(double)) == 0);
  }
}

TEST_CASE("autodiff/tape: input_vector's Vars, and the gradient of extended Rosenbrock") {
  const auto& ref = fixture()["rosenbrock"];
  const auto theta = ref["theta"].get<std::vector<double>>();
  Tape tape;
  tape.input(1.0);  // so that the inputs do not start at node 0
  const InputVector x = tape.input_vector(theta);
  REQUIRE(x.size() == theta.size());
  CHECK_FALSE(x.empty());
  for (std::size_t i = 0; i < x.size(); ++i) {
    CHECK(x[i].tape == &tape);
    CHECK(x[i].index == i + 1);
    CHECK(x.at(i).index == x[i].index);
    CHECK(x[i].value() == theta[i]);
  }
  CHECK_THROWS_AS((void)x.at(theta.size()), std::out_of_range);
  Var c = tape.constant(0.0);
  for (std::size_t i = 0; i + 1 < x.size(); i += 2) {
    const Var a = 1.0 - x[i], b = x[i + 1] - x[i] * x[i];
    c = c + (a * a + 100.0 * (b * b));
  }
  std::vector<double> adjoint;
  tape.backward({c.index}, {1.0}, adjoint);
  for (std::size_t i = 0; i < theta.size(); ++i)  // against torch.autograd
    CHECK(adjoint[x[i].index] == doctest::Approx(double(ref["gradient"][i])).epsilon(kRel));
  // none at all is an empty vector and records nothing; after clear() the inputs start at 0
  const std::size_t size = tape.size();
  CHECK(tape.input_vector(std::vector<double>{}).empty());
  CHECK(tape.size() == size);
  tape.clear();
  CHECK(tape.input_vector(theta)[0].index == 0);
  CHECK(tape.inputs().size() == theta.size());
  CHECK(InputVector().empty());
}

TEST_CASE("autodiff/tape: record() refuses a node the sweeps could not walk") {
  Tape tape;
  const Var x = tape.input(2.0);
  CHECK_THROWS_WITH_AS(tape.record(Op::mul, 4.0, {x.index}, {2.0}),
                       "autodiff: record * with 1 parents; allowed: 2", std::invalid_argument);
  CHECK_THROWS_WITH_AS(tape.record(Op::sum, 0.0, {}, {}),
                       "autodiff: record sum with 0 parents; allowed: one or more",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(tape.record(Op::sin, 0.0, {5}, {1.0}),
                       "autodiff: record with parent 5; allowed: a node already recorded (0 to "
                       "1 exclusive)",
                       std::invalid_argument);
  CHECK(tape.size() == 1);  // nothing half-recorded
  const Var y = tape.record(Op::sum, 6.0, {x.index, x.index, x.index}, {1.0, 1.0, 1.0});
  const Var z = tape.record(Op::mul_const, 18.0, {y.index}, {3.0}, 3.0);
  std::vector<double> adjoint;
  tape.backward({z.index}, {1.0}, adjoint);
  CHECK(adjoint[x.index] == 9.0);
  CHECK(tape.node(z.index).constant == 3.0);
}

TEST_CASE("autodiff/tape: cleared storage still has room for the edges of every node") {
  // 2000 inputs grow the node columns with no edge; after clear(), 2000 binary nodes must
  // find room for their 4000 edges (the records check the node capacity only).
  Tape tape;
  for (int k = 0; k < 2000; ++k) tape.input(k);
  tape.clear();
  CHECK(tape.size() == 0);
  CHECK(tape.inputs().empty());
  const Var x = tape.input(1.0001);
  Var p = x;
  for (int k = 1; k < 2000; ++k) p = p * x;  // x^2000
  std::vector<double> adjoint;
  tape.backward({p.index}, {1.0}, adjoint);
  CHECK(p.value() == doctest::Approx(std::pow(1.0001, 2000)).epsilon(1e-12));
  CHECK(adjoint[x.index] == doctest::Approx(2000 * std::pow(1.0001, 1999)).epsilon(1e-12));
  // reserve() on a partly filled tape keeps what is there
  tape.reserve(100000, 10);
  CHECK(tape.node(p.index).value == p.value());
  const Var q = p * x;
  CHECK(q.value() == doctest::Approx(std::pow(1.0001, 2001)).epsilon(1e-12));
}

TEST_CASE("autodiff/tape: a copy is independent; a moved-from tape is empty and reusable") {
  Tape tape;
  const Var t1 = tape.input(0.5, "u"), t2 = tape.input(2.0);
  const Var y = t1 * t2 + 3.0;
  Tape copy = tape;
  tape.replay({1.5, 4.0});
  CHECK(tape.node(y.index).value == 9.0);
  CHECK(copy.node(y.index).value == 4.0);
  CHECK(copy.node(y.index).constant == 3.0);
  CHECK(copy.name(0) == "u");
  CHECK(copy.edge_count() == tape.edge_count());
  const Var z = Var{&copy, y.index} * 2.0;  // the copy records on
  CHECK(z.value() == 8.0);
  Tape moved = std::move(copy);
  CHECK(moved.size() == 5);
  CHECK(moved.node(z.index).value == 8.0);
  CHECK(copy.size() == 0);  // NOLINT(bugprone-use-after-move): moved-from is specified here
  CHECK(copy.inputs().empty());
  const Var w = copy.input(7.0) * 2.0;
  CHECK(w.value() == 14.0);
  tape = std::move(moved);
  CHECK(tape.size() == 5);
}

TEST_CASE("autodiff/dot: the graph of the notes' f has its 7 nodes and 7 edges") {
  Tape tape;
  const Var v1 = tape.input(1.5, "v1"), v2 = tape.input(2, "v2");
  const Var v3 = v1 * v2, v4 = exp(v3), v5 = 1.0 + v4, v6 = log(v5), v7 = v3 - v6;
  tape.name(v3, "v3"), tape.name(v4, "v4"), tape.name(v5, "v5"), tape.name(v6, "v6");
  tape.name(v7, "v7");
  const auto dot = to_dot(tape);
  for (const char* edge :
       {"n0 -> n2;", "n1 -> n2;", "n2 -> n3;", "n3 -> n4;", "n4 -> n5;", "n2 -> n6;", "n5 -> n6;"})
    CHECK(dot.find(edge) != std::string::npos);
  std::size_t arrows = 0;
  for (std::size_t p = dot.find("->"); p != std::string::npos; p = dot.find("->", p + 1)) ++arrows;
  CHECK(arrows == 7);
  CHECK(dot.find("label=\"v5 = v4 + 1\"") != std::string::npos);
}

TEST_CASE("autodiff/finite_difference: forward O(h), central O(h^2) against torch's gradient") {
  const auto& ref = fixture()["medl_c427"][1];
  const auto t = ref["theta"].get<std::vector<double>>();
  const ScalarFunction f = [](const std::vector<double>& x) { return c427(x); };
  const auto fd = forward_difference(f, t, 1e-4);
  const auto cd = central_difference(f, t, 1e-4);
  double ef = 0, ec = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    ef = std::max(ef, std::fabs(fd[i] - double(ref["gradient"][i])));
    ec = std::max(ec, std::fabs(cd[i] - double(ref["gradient"][i])));
  }
  // truncation ~ h·|C''|/2 ≈ 1e-4 for forward; ~ h²|C'''|/6 ≈ 1e-8 for central
  CHECK(ef < 1e-3);
  CHECK(ef > 1e-6);
  CHECK(ec < 1e-7);
  CHECK_THROWS_AS((void)forward_difference(f, t, 0.0), descent::invalid_argument);
}

TEST_CASE("autodiff/paths: enumeration multiplies edge derivatives, not node values") {
  // Aggarwal Fig. 3.4 with asymmetric first layer (catalogue A7's caution): h11 = 2w,
  // h12 = 3w, then three product layers; o = (6w²)^8 = 6^8 w^16, do/dw = 16·6^8 w^15.
  Tape tape;
  const Var w = tape.input(1.1);
  Var h1 = 2.0 * w, h2 = 3.0 * w;
  for (int i = 0; i < 3; ++i) {
    const Var n1 = h1 * h2, n2 = h1 * h2;
    h1 = n1, h2 = n2;
  }
  const Var o = h1 * h2;
  const double exact = 16 * std::pow(6.0, 8) * std::pow(1.1, 15);
  const auto en = enumerate_paths(tape, w.index, o.index);
  const auto dp = dynamic_programming(tape, w.index, o.index);
  std::vector<double> adjoint;
  tape.backward({o.index}, {1.0}, adjoint);
  CHECK(en.paths == 16);
  CHECK(dp.paths == 16);
  // sums of 16 products of 5 factors in different orders: a few ulps
  CHECK(en.derivative == doctest::Approx(exact).epsilon(1e-13));
  CHECK(dp.derivative == doctest::Approx(exact).epsilon(1e-13));
  CHECK(adjoint[w.index] == doctest::Approx(exact).epsilon(1e-13));
  CHECK(en.multiplications == 16 * 5);
  CHECK(dp.multiplications == tape.edge_count());
  CHECK_THROWS_AS((void)enumerate_paths(tape, w.index, o.index, 10), descent::invalid_argument);
}

TEST_CASE("autodiff/dot: with symbols set the labels are drawn as the books print them") {
  Tape tape;
  const Var v1 = tape.input(1.5, "v1"), v2 = tape.input(2, "v2");
  const Var v3 = v1 * v2;
  tape.name(v3, "v3");
  DotOptions options;
  options.symbols = true;
  const auto dot = to_dot(tape, options);
  CHECK(dot.find("label=\"v₃ = v₁ · v₂\"") != std::string::npos);
  CHECK(dot.find("label=\"v₁\"") != std::string::npos);
  CHECK(to_dot(tape).find("label=\"v3 = v1 * v2\"") != std::string::npos);  // the default
}
