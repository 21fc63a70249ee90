#include "descent/core/symbols.hpp"

#include <cctype>
#include <cstddef>
#include <string_view>
#include <utility>

namespace descent {

namespace {

// The Greek letters the texts name in ASCII, lower case and the capitals they use.
constexpr std::pair<std::string_view, std::string_view> kGreek[] = {
    {"alpha", "α"}, {"beta", "β"},  {"gamma", "γ"}, {"delta", "δ"},  {"epsilon", "ε"},
    {"zeta", "ζ"},  {"eta", "η"},   {"theta", "θ"}, {"lambda", "λ"}, {"mu", "μ"},
    {"rho", "ρ"},   {"sigma", "σ"}, {"phi", "φ"},   {"psi", "ψ"},    {"omega", "ω"},
    {"Delta", "Δ"}, {"Sigma", "Σ"}, {"Phi", "Φ"},   {"Omega", "Ω"},  {"nabla", "∇"}};

constexpr std::string_view kSubscript[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_letter(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

}  // namespace

std::string math_symbols(const std::string& ascii) {
  std::string out;
  const std::size_t n = ascii.size();
  std::size_t i = 0;
  while (i < n) {
    const char c = ascii[i];
    if (is_letter(c) || c == '_') {
      std::size_t j = i;
      while (j < n && (is_letter(ascii[j]) || ascii[j] == '_')) ++j;
      std::string_view word(ascii.data() + i, j - i);
      bool greek = false;
      for (const auto& [name, letter] : kGreek)
        if (word == name) {
          out += letter;
          greek = true;
          break;
        }
      if (!greek) out += word;
      std::size_t k = j;
      while (k < n && is_digit(ascii[k])) out += kSubscript[ascii[k++] - '0'];
      i = k;
    } else if (is_digit(c) || (c == '.' && i + 1 < n && is_digit(ascii[i + 1]))) {
      // a number, exponent included: 1e-5, 2.5E+10
      std::size_t j = i;
      while (j < n && (is_digit(ascii[j]) || ascii[j] == '.')) ++j;
      if (j < n && (ascii[j] == 'e' || ascii[j] == 'E')) {
        std::size_t k = j + 1;
        if (k < n && (ascii[k] == '+' || ascii[k] == '-')) ++k;
        if (k < n && is_digit(ascii[k])) {
          while (k < n && is_digit(ascii[k])) ++k;
          j = k;
        }
      }
      out.append(ascii, i, j - i);
      i = j;
    } else if (c == '^' && i + 1 < n && (ascii[i + 1] == '2' || ascii[i + 1] == '3') &&
               (i + 2 >= n || !is_digit(ascii[i + 2]))) {
      out += ascii[i + 1] == '2' ? "²" : "³";
      i += 2;
    } else if (c == '*') {
      out += "·";
      ++i;
    } else if (c == '-') {
      // a hyphen inside a word (L-BFGS) stays; a sign or a binary minus is drawn as −
      const bool hyphen = i > 0 && i + 1 < n && is_letter(ascii[i - 1]) && is_letter(ascii[i + 1]);
      out += hyphen ? "-" : "−";
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

}  // namespace descent
