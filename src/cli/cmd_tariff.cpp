// zorginkoop tariff MODEL [--tariff X --basis fixed|floor|substantiated] [--bands FILE]
//                         [--format text|json] [--lang nl|en] [--svg FILE]

#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "zorginkoop/tariff/serialise.hpp"

namespace zkcli {

using namespace zorginkoop;

int cmd_tariff(Args& a) {
    std::string model_path, tariff_text, basis = "floor", format = "text", lang = "nl", svg, bands_path;
    while (!a.done()) {
        const std::string opt = a.items[a.pos++];
        if (opt == "--tariff") tariff_text = a.next(opt);
        else if (opt == "--basis") basis = a.next(opt);
        else if (opt == "--format") format = a.next(opt);
        else if (opt == "--lang") lang = a.next(opt);
        else if (opt == "--svg") svg = a.next(opt);
        else if (opt == "--bands") bands_path = a.next(opt);
        else if (!opt.empty() && opt[0] == '-') throw InvalidInput("unknown option " + opt + " for 'tariff'");
        else if (model_path.empty()) model_path = opt;
        else throw InvalidInput("'tariff' takes one model file");
    }
    if (model_path.empty()) throw InvalidInput("'tariff' needs a cost model file (YAML or JSON)");
    if (format != "text" && format != "json") throw InvalidInput("--format must be text or json");
    const Lang language = parse_lang(lang);
    const PriceBasis price_basis = parse_price_basis(basis);

    const CostModel model = CostModel::load(model_path);
    const BuildUp b = build_up(model);
    std::optional<RealismCheck> check;
    if (!tariff_text.empty()) {
        PlausibilityBands bands = PlausibilityBands::bundled();
        if (!bands_path.empty()) bands = bands.overridden_by(PlausibilityBands::load(bands_path));
        check = check_tariff(Money::parse(tariff_text), model, price_basis, bands);
    }
    const RealismCheck* c = check ? &*check : nullptr;
    if (format == "json")
        std::cout << to_json(model, b, c);
    else
        std::cout << to_text(model, b, c, language);
    if (!svg.empty()) {
        std::ofstream out(svg);
        out << to_svg(model, b, c, language);
        if (!out) throw InvalidInput("cannot write " + svg);
    }
    return check && check->verdict != Verdict::realistic ? 1 : 0;
}

}  // namespace zkcli
