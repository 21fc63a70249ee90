// Aggarwal §3.2 and Exercises 1-4: the chain-rule examples against the catalogue's
// computed values (analytic, cross-checked with torch.autograd; aggarwal-ch3.md A2-A8, B)
// and the book's path counts (Figure 3.4: 2^5 = 32 paths, derivative 32 w^31).

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"

using descent::app::compute;

namespace {

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(descent::testing::aggarwal03(), id);
}

using descent::testing::cell;

// The catalogue prints 15 significant digits and states tolerance 1e-12.
constexpr double kRel = 1e-12;

}  // namespace

TEST_CASE("aggarwal03 eq-3.1, eq-3.2, eq-3.5: derivatives at the catalogue's points") {
  const auto r_e1 = compute(item("eq-3.1"));
  const auto& e1 = r_e1.table("values");
  CHECK(cell(e1, 0, "f = sigma(sigma(w))") == doctest::Approx(0.622459331201855).epsilon(kRel));
  CHECK(cell(e1, 0, "df/dw (tape)") == doctest::Approx(0.0587509280503986).epsilon(kRel));
  CHECK(cell(e1, 1, "df/dw (tape)") == doctest::Approx(0.0431291601624233).epsilon(kRel));
  const auto r_e2 = compute(item("eq-3.2"));
  const auto& e2 = r_e2.table("values");
  const double d2[] = {-0.247403959254523, -1.68294196961579, 3.02720998123171};
  for (std::size_t k = 0; k < 3; ++k)
    CHECK(cell(e2, k, "derivative (tape)") == doctest::Approx(d2[k]).epsilon(kRel));
  const auto r_e5 = compute(item("eq-3.5"));
  const auto& e5 = r_e5.table("values");
  const double o5[] = {1.21631638096517, 1.38177329067604, -1.41044611617154};
  const double d5[] = {0.721508462456122, -0.602337357879513, 0.412635497777265};
  for (std::size_t k = 0; k < 3; ++k) {
    CHECK(cell(e5, k, "o = sin(w^2) + cos(w^2)") == doctest::Approx(o5[k]).epsilon(kRel));
    CHECK(cell(e5, k, "do/dw (tape)") == doctest::Approx(d5[k]).epsilon(kRel));
  }
}

TEST_CASE("aggarwal03 eq-3.3 and eq-3.4: two paths; enumeration = DP = chain rule") {
  const auto r_t3 = compute(item("eq-3.3"));
  const auto& t3 = r_t3.table("terms");
  const auto r_t4 = compute(item("eq-3.4"));
  const auto& t4 = r_t4.table("paths");
  const double d5[] = {0.721508462456122, -0.602337357879513, 0.412635497777265};
  for (std::size_t k = 0; k < 3; ++k) {
    CHECK(cell(t3, k, "backward sweep") == doctest::Approx(d5[k]).epsilon(kRel));
    CHECK(cell(t4, k, "paths") == 2);  // "only two paths between input and output" (Figure 3.2)
    CHECK(cell(t4, k, "enumeration (Eq. 3.4)") == doctest::Approx(d5[k]).epsilon(kRel));
    CHECK(cell(t4, k, "dynamic programming (Eq. 3.8)") == doctest::Approx(d5[k]).epsilon(kRel));
  }
}

TEST_CASE("aggarwal03 figure-3.4: 32 paths, derivative 32 w^31") {
  const auto r = compute(item("figure-3.4"));
  CHECK(r.value("paths") == 32);  // Aggarwal: 2^5 = 32 paths
  CHECK(r.value("o") == doctest::Approx(21.1137767453526).epsilon(kRel));
  CHECK(r.value("derivative_enumeration") == doctest::Approx(614.218959864803).epsilon(kRel));
  CHECK(r.value("derivative_dp") == doctest::Approx(614.218959864803).epsilon(kRel));
  // catalogue A8: 32 paths x 6 edges = 192 multiplications; the DP visits 20 edges once
  CHECK(r.value("enumeration_multiplications") == 192);
  CHECK(r.value("dp_multiplications") == 20);
  const auto r2 = compute(item("figure-3.4"), {"w=2"});
  CHECK(r2.value("derivative_dp") == 68719476736.0);  // 32 * 2^31, exact in binary
  CHECK(r2.value("derivative_enumeration") == 68719476736.0);
  const auto r10 = compute(item("figure-3.4"), {"w=1", "layers=10"});
  CHECK(r10.value("paths") == 1024);  // "2^10 recursively nested terms"
}

TEST_CASE("aggarwal03 figure-3.5: enumeration grows like (L+1) 2^L, DP like 4L") {
  const auto r = compute(item("figure-3.5"));
  for (int L = 1; L <= 14; ++L) {
    // closed forms of the counts on this graph: 2^L paths of L + 1 edges; 4L edges
    CHECK(r.value("enumeration_multiplications_" + std::to_string(L)) ==
          (L + 1) * std::pow(2.0, L));
    CHECK(r.value("dp_multiplications_" + std::to_string(L)) == 4.0 * L);
  }
}

TEST_CASE("aggarwal03 exercises 1-4: the catalogue's answers") {
  const auto e1 = compute(item("exercise-1"));
  CHECK(e1.value("x_t_plus_2") == 10);
  CHECK(e1.value("dx2_dx0") == 12);  // 2xy + y^3 at (1, 2)
  CHECK(e1.value("dx2_dx0_formula") == 12);
  const auto e2 = compute(item("exercise-2"));
  CHECK(e2.value("dL_dx1") == 15);
  CHECK(e2.value("dL_dx2") == 10);
  const auto e3 = compute(item("exercise-3"));
  const double g3[] = {18, 16, 14, 12};
  for (int i = 0; i < 4; ++i) CHECK(e3.value("dL_dx" + std::to_string(i + 1)) == g3[i]);
  const auto e4 = compute(item("exercise-4"));
  const double g4[] = {0, 0, 8, 6};
  for (int i = 0; i < 4; ++i) CHECK(e4.value("dL_dx" + std::to_string(i + 1)) == g4[i]);
}
