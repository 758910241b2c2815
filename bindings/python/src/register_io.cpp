// The readers, exposed for tests and tools: parse YAML/JSON text into plain Python values
// (scalars stay text), and the Python-mapping → tree conversion used by from_dict.

#include <pybind11/pybind11.h>

#include "convert.hpp"
#include "zorginkoop/io/node.hpp"

namespace py = pybind11;
using namespace zorginkoop;

void register_io(py::module_& m) {
    m.def("parse_yaml", [](const std::string& text, const std::string& source) {
        return zkpy::from_node(io::parse_yaml(text, source));
    }, py::arg("text"), py::arg("source") = "");
    m.def("parse_json", [](const std::string& text, const std::string& source) {
        return zkpy::from_node(io::parse_json(text, source));
    }, py::arg("text"), py::arg("source") = "");
    m.def("read_file", [](py::handle path) { return zkpy::from_node(io::read_file(zkpy::to_path(path, "path"))); },
          py::arg("path"));
    m.def("yaml_to_json", [](const std::string& text) { return io::to_json(io::parse_yaml(text)); }, py::arg("text"));
    m.def("tree_to_yaml", [](py::handle value) { return io::to_yaml(zkpy::to_node(value, "")); }, py::arg("value"));
    m.def("tree_to_json", [](py::handle value) { return io::to_json(zkpy::to_node(value, "")); }, py::arg("value"));
}
