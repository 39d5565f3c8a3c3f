// Modules (ECMA-262 16.2): import and export declarations, the module
// goal's early errors (duplicate exports), `import(...)` and `import.meta`.
#include "parser/parser_internal.h"

#include <string>

#include "util/unicode.h"

namespace kite::parser {

namespace {

// IsStringWellFormedUnicode: no lone surrogates.
bool well_formed(const std::u16string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    char16_t c = s[i];
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (i + 1 >= s.size() || s[i + 1] < 0xDC00 || s[i + 1] > 0xDFFF) return false;
      ++i;
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      return false;
    }
  }
  return true;
}

}  // namespace

// A module's top level: import and export declarations, then any item.
Node* Parser::parse_module_item() {
  if (at_word("import")) {
    Lexer::State s = lex_.save();
    Token saved = tok_;
    advance();
    bool expression = at(Tok::kLParen) || at(Tok::kDot);
    lex_.restore(s);
    tok_ = saved;
    if (!expression) return parse_import_declaration();
  }
  if (at_word("export")) return parse_export_declaration();
  return parse_statement_list_item();
}

// ModuleExportName: an IdentifierName or a well-formed string literal.
std::u16string Parser::parse_module_export_name(bool* was_string) {
  if (was_string != nullptr) *was_string = at(Tok::kString);
  if (at(Tok::kString)) {
    if (!well_formed(tok_.value)) fail("Invalid module export name: contains unpaired surrogate");
    std::u16string v = tok_.value;
    advance();
    return v;
  }
  if (!at(Tok::kIdentifier)) unexpected();
  std::u16string v = tok_.value;
  advance();
  return v;
}

std::u16string Parser::parse_from_clause() {
  expect_word("from");
  if (!at(Tok::kString)) unexpected();
  std::u16string m = tok_.value;
  advance();
  return m;
}

void Parser::add_export_name(const std::u16string& name, Pos at) {
  for (const std::u16string& n : exported_names_) {
    if (n == name) fail("Duplicate export of '" + util::utf16_to_utf8(name) + "'", at);
  }
  exported_names_.push_back(name);
}

Node* Parser::parse_import_declaration() {
  Pos p = tok_.pos;
  advance();  // import
  ImportDeclaration* d = make<ImportDeclaration>(p);
  if (at(Tok::kString)) {
    d->module = tok_.value;
    advance();
    consume_semicolon();
    finish(d);
    return d;
  }
  bool need_more = true;
  if (at(Tok::kIdentifier) && !at_word("from")) {
    ImportSpecifier spec;
    spec.imported = u"default";
    spec.local = parse_binding_identifier();
    d->specifiers.push_back(spec);
    need_more = eat(Tok::kComma);
  } else if (at_word("from")) {
    // `import from from "m"`: `from` as the default binding.
    Lexer::State s = lex_.save();
    Token saved = tok_;
    advance();
    bool is_binding = at_word("from") || at(Tok::kComma);
    lex_.restore(s);
    tok_ = saved;
    if (!is_binding) unexpected();
    ImportSpecifier spec;
    spec.imported = u"default";
    spec.local = parse_binding_identifier();
    d->specifiers.push_back(spec);
    need_more = eat(Tok::kComma);
  }
  if (need_more) {
    if (at(Tok::kStar)) {
      advance();
      expect_word("as");
      d->namespace_local = parse_binding_identifier();
    } else if (eat(Tok::kLBrace)) {
      while (!eat(Tok::kRBrace)) {
        ImportSpecifier spec;
        bool was_string = false;
        Pos at_name = tok_.pos;
        bool plain = at(Tok::kIdentifier);
        std::u16string name = parse_module_export_name(&was_string);
        if (at_word("as")) {
          advance();
          spec.imported = name;
          spec.local = parse_binding_identifier();
        } else {
          if (was_string || !plain) fail("Unexpected string", at_name);
          // `import { x }`: x is both the export name and a binding.
          check_binding_name(name, at_name);
          if (is(name, "await")) fail("Unexpected reserved word", at_name);
          Identifier* id = make<Identifier>(at_name);
          id->name = name;
          id->end = prev_end_;
          spec.imported = name;
          spec.local = id;
        }
        d->specifiers.push_back(spec);
        if (!at(Tok::kRBrace)) expect(Tok::kComma);
      }
    } else {
      unexpected();
    }
  }
  d->module = parse_from_clause();
  consume_semicolon();
  finish(d);
  return d;
}

Node* Parser::parse_export_declaration() {
  Pos p = tok_.pos;
  advance();  // export
  ExportDeclaration* d = make<ExportDeclaration>(p);
  if (at(Tok::kStar)) {
    advance();
    d->export_kind = ExportDeclaration::Kind::kStar;
    if (at_word("as")) {
      advance();
      Pos at_name = tok_.pos;
      d->star_as = true;
      d->star_name = parse_module_export_name(nullptr);
      add_export_name(d->star_name, at_name);
    }
    d->has_from = true;
    d->module = parse_from_clause();
    consume_semicolon();
    finish(d);
    return d;
  }
  if (at(Tok::kLBrace)) {
    advance();
    d->export_kind = ExportDeclaration::Kind::kNamed;
    std::vector<std::pair<Pos, bool>> local_kinds;  // position, local was a string
    while (!eat(Tok::kRBrace)) {
      ExportSpecifier spec;
      spec.pos = tok_.pos;
      bool was_string = false;
      bool reserved =
          at(Tok::kIdentifier) &&
          (is_reserved(tok_.value) || is_strict_reserved(tok_.value) || is(tok_.value, "await"));
      spec.local = parse_module_export_name(&was_string);
      local_kinds.emplace_back(spec.pos, was_string || reserved);
      Pos at_name = spec.pos;
      if (at_word("as")) {
        advance();
        at_name = tok_.pos;
        spec.exported = parse_module_export_name(nullptr);
      } else {
        spec.exported = spec.local;
      }
      add_export_name(spec.exported, at_name);
      d->specifiers.push_back(spec);
      if (!at(Tok::kRBrace)) expect(Tok::kComma);
    }
    if (at_word("from")) {
      d->has_from = true;
      d->module = parse_from_clause();
    } else {
      // Without `from` the names are references to local bindings.
      for (const auto& [pos, bad] : local_kinds) {
        if (bad) fail("Unexpected token in export list: a local binding name is required", pos);
      }
    }
    consume_semicolon();
    finish(d);
    return d;
  }
  if (at_word("default")) {
    advance();
    d->export_kind = ExportDeclaration::Kind::kDefault;
    add_export_name(u"default", p);
    if (at_word("function") || (at_word("async") && async_declaration_ahead())) {
      bool is_async = at_word("async");
      Pos fp = tok_.pos;
      if (is_async) advance();
      advance();  // function
      bool generator = eat_star();
      FunctionNode* f = make<FunctionNode>(fp, NodeKind::kFunctionDeclaration);
      if (at(Tok::kIdentifier)) {
        f->id = parse_binding_identifier();
      } else {
        f->inferred_name = u"default";
      }
      f->is_generator = generator;
      f->is_async = is_async;
      f->source_start = fp.offset;
      parse_function_rest(f, FunctionKind::kNormal);
      d->declaration = f;
    } else if (at_word("class")) {
      Lexer::State s = lex_.save();
      Token saved = tok_;
      advance();
      bool named = at(Tok::kIdentifier) && !at_word("extends");
      lex_.restore(s);
      tok_ = saved;
      Node* c = parse_class(named);
      if (!named) {
        // An anonymous class declaration: a ClassDeclaration without a name.
        c->kind = NodeKind::kClassDeclaration;
        static_cast<ClassNode*>(c)->inferred_name = u"default";
      }
      d->declaration = c;
    } else {
      d->default_is_expression = true;
      Node* e = parse_assignment(true);
      name_anonymous_to(e, u"default");
      d->declaration = e;
      consume_semicolon();
    }
    finish(d);
    return d;
  }
  d->export_kind = ExportDeclaration::Kind::kDeclaration;
  Node* decl = nullptr;
  if (at_word("var")) {
    decl = parse_variable_statement(DeclKind::kVar);
  } else if (at_word("let")) {
    decl = parse_variable_statement(DeclKind::kLet);
  } else if (at_word("const")) {
    decl = parse_variable_statement(DeclKind::kConst);
  } else if (at_word("function")) {
    decl = parse_function_declaration();
  } else if (at_word("async") && async_declaration_ahead()) {
    decl = parse_function_declaration(true);
  } else if (at_word("class")) {
    decl = parse_class(true);
  } else {
    unexpected();
  }
  d->declaration = decl;
  // The exported names are the declaration's bound names.
  if (decl->kind == NodeKind::kVariableDeclaration) {
    std::vector<const Identifier*> names;
    for (const auto& v : static_cast<VariableDeclaration*>(decl)->declarations) {
      collect_bound_names(v.id, names);
    }
    for (const Identifier* id : names) add_export_name(id->name, id->pos);
  } else if (decl->kind == NodeKind::kFunctionDeclaration) {
    const Identifier* id = static_cast<FunctionNode*>(decl)->id;
    add_export_name(id->name, id->pos);
  } else {
    const Identifier* id = static_cast<ClassNode*>(decl)->id;
    add_export_name(id->name, id->pos);
  }
  finish(d);
  return d;
}

// At `import` in an expression: `import(specifier)` or `import.meta`.
Node* Parser::parse_import_expression() {
  Pos p = tok_.pos;
  advance();  // import
  if (eat(Tok::kDot)) {
    if (!at_word("meta")) unexpected();
    if (!module_) fail("Cannot use 'import.meta' outside a module", p);
    advance();
    Node* n = make<SimpleNode>(p, NodeKind::kImportMeta);
    finish(n);
    return n;
  }
  if (!at(Tok::kLParen)) unexpected();
  advance();
  if (at(Tok::kRParen)) fail("import() requires a specifier");
  ImportCall* c = make<ImportCall>(p);
  c->specifier = parse_assignment(true);
  if (at(Tok::kComma)) fail("import() takes one argument (import attributes are not supported)");
  expect(Tok::kRParen);
  finish(c);
  return c;
}

}  // namespace kite::parser
