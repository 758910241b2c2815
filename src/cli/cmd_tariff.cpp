// zorginkoop tariff MODEL [--tariff X --basis fixed|floor|substantiated] [--bands FILE]
//                         [--format text|json|sarif] [--lang nl|en] [--svg FILE]

#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "zorginkoop/report/serialise.hpp"
#include "zorginkoop/tariff/serialise.hpp"

namespace zkcli {

using namespace zorginkoop;

namespace {

const char* const help =
    "usage: zorginkoop tariff MODEL [--tariff X [--basis fixed|floor|substantiated] [--bands FILE]]\n"
    "                        [--format text|json|sarif] [--lang nl|en] [--svg FILE]\n"
    "\n"
    "The build-up of a cost model (YAML or JSON), line by line, mapped to the statutory cost\n"
    "elements; with --tariff, the realism check of that tariff against the build-up.\n"
    "\n"
    "options:\n"
    "  --tariff X          the tariff to check (euros, a decimal number)\n"
    "  --basis B           how the tariff was set: fixed, floor (default) or substantiated\n"
    "  --bands FILE        plausibility bands that replace the bundled ones (with --tariff)\n"
    "  --format F          text (default), json, or sarif (SARIF 2.1.0: the verdict and every\n"
    "                      parameter outside its band as results; needs --tariff)\n"
    "  --lang L            nl (default) or en, for text and SVG\n"
    "  --svg FILE          also write the build-up as an SVG waterfall chart to FILE\n"
    "  -h, --help          this help\n"
    "\n"
    "Options may also be written --option=VALUE; `--` ends the options (a MODEL whose name\n"
    "starts with '-').\n";

}  // namespace

int cmd_tariff(Args& a) {
    const ParsedArgs p = parse_args(a, "tariff",
                                    {{"--tariff", "X"},
                                     {"--basis", "fixed|floor|substantiated"},
                                     {"--format", "text|json|sarif"},
                                     {"--lang", "nl|en"},
                                     {"--svg", "FILE"},
                                     {"--bands", "FILE"}});
    if (p.help) {
        std::cout << help << exit_status_help("with --tariff: the tariff is not realistic (any verdict but realistic)");
        return 0;
    }
    const std::string& model_path = single_argument(p, "tariff", "one model file (YAML or JSON)");
    const std::string format = p.value("--format").value_or("text");
    if (format != "text" && format != "json" && format != "sarif")
        throw InvalidInput("--format must be text, json or sarif, got '" + format + "'");
    const Lang language = option_value("--lang", p.value("--lang").value_or("nl"), [](const std::string& t) { return parse_lang(t); });
    const PriceBasis price_basis =
        option_value("--basis", p.value("--basis").value_or("floor"), [](const std::string& t) { return parse_price_basis(t); });
    const std::optional<std::string> tariff_text = p.value("--tariff");
    for (const char* needs_tariff : {"--basis", "--bands"})
        if (p.has(needs_tariff) && !tariff_text)
            throw InvalidInput(std::string(needs_tariff) + " belongs to the realism check: it needs --tariff X");
    if (format == "sarif" && !tariff_text) throw InvalidInput("--format sarif reports the realism check: it needs --tariff X");
    std::optional<Money> tariff;
    if (tariff_text) tariff = option_value("--tariff", *tariff_text, [](const std::string& t) { return Money::parse(t); });

    const CostModel model = CostModel::load(model_path);
    const BuildUp b = build_up(model);
    std::optional<RealismCheck> check;
    if (tariff) {
        PlausibilityBands bands = PlausibilityBands::bundled();
        if (const auto bands_path = p.value("--bands")) bands = bands.overridden_by(PlausibilityBands::load(*bands_path));
        check = check_tariff(*tariff, model, price_basis, bands);
    }
    const RealismCheck* c = check ? &*check : nullptr;
    // Everything is rendered, and the chart written, before stdout: an error leaves it empty.
    RenderOptions render;
    render.lang = language;
    const std::string out = format == "sarif" ? to_sarif(to_report(model, *c), render)
                            : format == "json" ? to_json(model, b, c, language)
                                               : to_text(model, b, c, language);
    if (const auto svg = p.value("--svg"))
        write_output_file("--svg", *svg, to_svg(model, b, c, language), {model_path, p.value("--bands").value_or("")});
    std::cout << out;
    return check && check->verdict != Verdict::realistic ? 1 : 0;
}

}  // namespace zkcli
