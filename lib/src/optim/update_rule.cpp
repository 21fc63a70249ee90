#include "descent/optim/update_rule.hpp"

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"
#include "descent/optim/adam.hpp"
#include "descent/optim/adaptive.hpp"
#include "descent/optim/momentum.hpp"

namespace descent::optim {

void RuleOptions::validate() const {
  require("beta", beta, decay_rate_range);
  require("gamma", gamma, decay_rate_range);
  require("rho", rho, decay_rate_range);
  require("epsilon", epsilon, epsilon_range);
  require("p", p, lp_exponent_range);
}

const std::vector<std::string>& rule_names() {
  static const std::vector<std::string> names = {"gd",
                                                 "momentum-ewma",
                                                 "momentum-accumulate",
                                                 "heavy-ball",
                                                 "nesterov",
                                                 "nesterov-sutskever",
                                                 "nesterov-slide-literal",
                                                 "lookahead",
                                                 "adagrad",
                                                 "adagrad-inside",
                                                 "rmsprop",
                                                 "rmsprop-inside",
                                                 "rmsprop-nesterov",
                                                 "adadelta",
                                                 "adadelta-zeiler",
                                                 "adadelta-aggarwal-printed",
                                                 "adam",
                                                 "adam-aggarwal",
                                                 "nadam",
                                                 "lp-adam",
                                                 "adamax"};
  return names;
}

std::unique_ptr<UpdateRule> make_rule(const std::string& name, const RuleOptions& o) {
  o.validate();
  using E = EpsilonPlacement;
  if (name == "gd") return std::make_unique<GradientDescent>();
  if (name == "momentum-ewma") return std::make_unique<Momentum>(MomentumForm::ewma, o.beta);
  if (name == "momentum-accumulate")
    return std::make_unique<Momentum>(MomentumForm::accumulate, o.beta);
  if (name == "heavy-ball") return std::make_unique<Momentum>(MomentumForm::heavy_ball, o.beta);
  if (name == "nesterov") return std::make_unique<Nesterov>(NesterovForm::medl, o.beta);
  if (name == "nesterov-sutskever")
    return std::make_unique<Nesterov>(NesterovForm::sutskever, o.beta);
  if (name == "nesterov-slide-literal")
    return std::make_unique<Nesterov>(NesterovForm::slide_literal, o.beta);
  if (name == "lookahead") return std::make_unique<LookAheadMomentum>(o.beta);
  if (name == "adagrad") return std::make_unique<Adagrad>(E::outside_root, o.epsilon);
  if (name == "adagrad-inside") return std::make_unique<Adagrad>(E::inside_root, o.epsilon);
  if (name == "rmsprop") return std::make_unique<Rmsprop>(E::outside_root, o.gamma, o.epsilon);
  if (name == "rmsprop-inside")
    return std::make_unique<Rmsprop>(E::inside_root, o.gamma, o.epsilon);
  if (name == "rmsprop-nesterov")
    return std::make_unique<RmspropNesterov>(o.beta, o.gamma, o.epsilon);
  if (name == "adadelta")
    return std::make_unique<Adadelta>(AdadeltaForm::medl, o.gamma, o.rho, o.epsilon);
  if (name == "adadelta-zeiler")
    return std::make_unique<Adadelta>(AdadeltaForm::zeiler, o.gamma, o.rho, o.epsilon);
  if (name == "adadelta-aggarwal-printed")
    return std::make_unique<Adadelta>(AdadeltaForm::aggarwal_printed, o.gamma, o.rho, o.epsilon);
  if (name == "adam") return std::make_unique<Adam>(AdamForm::medl, o.beta, o.gamma, o.epsilon);
  if (name == "adam-aggarwal")
    return std::make_unique<Adam>(AdamForm::aggarwal, o.beta, o.gamma, o.epsilon);
  if (name == "nadam") return std::make_unique<Nadam>(o.beta, o.gamma, o.epsilon);
  if (name == "lp-adam") return std::make_unique<LpAdam>(o.p, o.beta, o.gamma, o.epsilon);
  if (name == "adamax") return std::make_unique<Adamax>(o.beta, o.gamma, o.epsilon);
  std::string allowed;
  for (const auto& n : rule_names()) allowed += (allowed.empty() ? "" : ", ") + n;
  throw invalid_argument("unknown update rule '" + name + "'; allowed: " + allowed);
}

}  // namespace descent::optim
