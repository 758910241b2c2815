#pragma once
// The cost-model and plausibility-band arguments of the tariff functions, read the same way by the
// single-row (register_tariff.cpp) and the batch (register_batch.cpp) bindings.

#include <string>

#include <pybind11/pybind11.h>

#include "zorginkoop/tariff/realism.hpp"

namespace zkpy {

/// A CostModel from a CostModel, a mapping, or a path (str / os.PathLike).
zorginkoop::CostModel model_from(pybind11::handle obj, const std::string& path);
/// None (the bundled bands), PlausibilityBands, or a mapping or path overriding the bundled bands.
zorginkoop::PlausibilityBands bands_from(pybind11::handle obj);

}  // namespace zkpy
