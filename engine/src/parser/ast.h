// The abstract syntax tree, in ESTree's vocabulary.
//
// Every node is owned by the Ast arena of its ParseResult and lives as long
// as it; children are plain pointers (nullptr where ESTree has null, e.g.
// an array hole or a missing `else`). Strings are UTF-16 (std::u16string),
// as JavaScript strings are. Positions are 1-based line and column (column
// in UTF-16 code units) plus the byte offset into the source.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace kite::parser {

struct Pos {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::uint32_t offset = 0;
};

enum class NodeKind : std::uint8_t {
  // expressions
  kIdentifier,
  kNumberLiteral,
  kBigIntLiteral,
  kStringLiteral,
  kRegExpLiteral,
  kBooleanLiteral,
  kNullLiteral,
  kTemplateLiteral,
  kTaggedTemplate,
  kArrayExpression,
  kObjectExpression,
  kFunctionExpression,  // FunctionNode (also arrows)
  kClassExpression,     // ClassNode
  kUnaryExpression,
  kUpdateExpression,
  kBinaryExpression,
  kLogicalExpression,
  kAssignmentExpression,
  kConditionalExpression,
  kCallExpression,
  kNewExpression,
  kMemberExpression,
  kChainExpression,
  kSequenceExpression,
  kThisExpression,
  kSuper,
  kNewTarget,
  kSpreadElement,
  kYieldExpression,
  kAwaitExpression,
  kImportCall,  // import(specifier): ImportCall
  kImportMeta,  // import.meta: SimpleNode
  // patterns
  kObjectPattern,
  kArrayPattern,
  kAssignmentPattern,
  kRestElement,
  // statements
  kProgram,
  kVariableDeclaration,
  kFunctionDeclaration,  // FunctionNode
  kClassDeclaration,     // ClassNode
  kExpressionStatement,
  kBlockStatement,
  kEmptyStatement,
  kIfStatement,
  kForStatement,
  kForInStatement,
  kForOfStatement,
  kWhileStatement,
  kDoWhileStatement,
  kReturnStatement,
  kBreakStatement,
  kContinueStatement,
  kThrowStatement,
  kTryStatement,
  kSwitchStatement,
  kLabeledStatement,
  kDebuggerStatement,
  // modules
  kImportDeclaration,
  kExportDeclaration,
};

struct Node {
  explicit Node(NodeKind k) : kind(k) {}
  virtual ~Node() = default;
  NodeKind kind;
  Pos pos;
  std::uint32_t end = 0;  // byte offset just past the node
};

// Operators of unary, update, binary, logical and assignment expressions.
enum class Op : std::uint8_t {
  // unary
  kTypeof,
  kVoid,
  kDelete,
  kNot,
  kBitNot,
  kPlus,
  kMinus,
  // update
  kInc,
  kDec,
  // binary
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kExp,
  kShl,
  kShr,
  kUShr,
  kBitAnd,
  kBitOr,
  kBitXor,
  kEq,
  kNe,
  kStrictEq,
  kStrictNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kIn,
  kInstanceOf,
  // logical
  kAnd,
  kOr,
  kNullish,
  // assignment: kAssign, or the binary/logical operator for compound forms
  kAssign,
};

using NodeList = std::vector<Node*>;

struct Identifier : Node {
  Identifier() : Node(NodeKind::kIdentifier) {}
  std::u16string name;
};

struct NumberLiteral : Node {
  NumberLiteral() : Node(NodeKind::kNumberLiteral) {}
  double value = 0;
};

// 123n, 0xFFn: the digits (separators removed) and their radix.
struct BigIntLiteral : Node {
  BigIntLiteral() : Node(NodeKind::kBigIntLiteral) {}
  std::string digits;
  int radix = 10;
};

struct StringLiteral : Node {
  StringLiteral() : Node(NodeKind::kStringLiteral) {}
  std::u16string value;
};

struct RegExpLiteral : Node {
  RegExpLiteral() : Node(NodeKind::kRegExpLiteral) {}
  std::u16string pattern;  // the body between the slashes, as written
  std::u16string flags;
};

struct BooleanLiteral : Node {
  BooleanLiteral() : Node(NodeKind::kBooleanLiteral) {}
  bool value = false;
};

struct TemplateLiteral : Node {
  TemplateLiteral() : Node(NodeKind::kTemplateLiteral) {}
  std::vector<std::u16string> cooked;  // quasis, one more than expressions
  std::vector<std::u16string> raw;
  std::vector<bool> cooked_valid;  // false where an escape was invalid (tagged only)
  NodeList expressions;
};

struct TaggedTemplate : Node {
  TaggedTemplate() : Node(NodeKind::kTaggedTemplate) {}
  Node* tag = nullptr;
  TemplateLiteral* quasi = nullptr;
};

struct ArrayExpression : Node {
  ArrayExpression() : Node(NodeKind::kArrayExpression) {}
  NodeList elements;                // nullptr = hole; SpreadElement allowed
  bool comma_after_spread = false;  // `[...a, ]`: not a valid pattern
};

enum class PropertyKind : std::uint8_t { kInit, kGet, kSet };

struct Property {
  Node* key = nullptr;    // Identifier (non-computed name), StringLiteral, NumberLiteral, or any
                          // expression if computed
  Node* value = nullptr;  // expression (or pattern in ObjectPattern); FunctionExpression for
                          // methods/accessors
  PropertyKind kind = PropertyKind::kInit;
  bool computed = false;
  bool shorthand = false;
  bool method = false;
  Node* spread =
      nullptr;  // set instead of key/value for `...expr` (ObjectExpression) / rest (ObjectPattern)
  Pos pos;
};

struct ObjectExpression : Node {
  ObjectExpression() : Node(NodeKind::kObjectExpression) {}
  std::vector<Property> properties;
  bool comma_after_spread = false;  // `{...a, }`: not a valid pattern
};

enum class FunctionKind : std::uint8_t {
  kNormal,
  kArrow,
  kMethod,
  kGetter,
  kSetter,
  kClassConstructor
};

struct FunctionNode : Node {
  explicit FunctionNode(NodeKind k) : Node(k) {}
  Identifier* id = nullptr;         // declared name (declarations, named expressions)
  std::u16string inferred_name;     // NamedEvaluation name when id is null
  NodeList params;                  // patterns; AssignmentPattern for defaults, RestElement last
  NodeList body;                    // statements
  Node* expression_body = nullptr;  // concise arrow body
  FunctionKind function_kind = FunctionKind::kNormal;
  bool is_derived_constructor = false;
  bool is_generator = false;  // function*, *method
  bool is_async = false;      // async function, async arrow, async method
  bool simple_params = true;
  bool uses_arguments = false;   // `arguments` appears in it (or in nested arrows)
  bool uses_this = false;        // `this`/`super` appear in it (or in nested arrows)
  bool has_direct_eval = false;  // eval(...) in it (or in nested arrows): it has `arguments`
  // A function made by the Function constructor without "use strict":
  // a sloppy function's `this` (undefined -> the global object,
  // primitives boxed; 10.2.1.2 OrdinaryCallBindThis). Kite's one piece of
  // sloppy mode so far.
  bool sloppy_this = false;
  std::uint32_t source_start = 0;  // byte range for Function.prototype.toString
  std::uint32_t source_end = 0;
  bool is_arrow() const { return function_kind == FunctionKind::kArrow; }
};

struct ClassMember {
  enum class Kind : std::uint8_t { kMethod, kGetter, kSetter, kField, kStaticBlock };
  Kind kind = Kind::kMethod;
  Node* key = nullptr;  // a private member's is the Identifier "#x"
  bool computed = false;
  bool is_static = false;
  bool is_private = false;
  FunctionNode* function = nullptr;  // methods, accessors and static blocks
  Node* value = nullptr;             // fields: initializer or nullptr
  Pos pos;
};

struct ClassNode : Node {
  explicit ClassNode(NodeKind k) : Node(k) {}
  Identifier* id = nullptr;
  std::u16string inferred_name;
  Node* super_class = nullptr;
  FunctionNode* constructor = nullptr;  // nullptr: the default constructor
  std::vector<ClassMember> members;
  std::uint32_t source_start = 0;
  std::uint32_t source_end = 0;
};

struct UnaryExpression : Node {
  UnaryExpression() : Node(NodeKind::kUnaryExpression) {}
  Op op = Op::kNot;
  Node* argument = nullptr;
};

// yield / yield argument / yield* argument (15.5).
struct YieldExpression : Node {
  YieldExpression() : Node(NodeKind::kYieldExpression) {}
  Node* argument = nullptr;  // null: `yield` alone
  bool delegate = false;     // yield*
};

// await argument (15.8).
struct AwaitExpression : Node {
  AwaitExpression() : Node(NodeKind::kAwaitExpression) {}
  Node* argument = nullptr;
};

struct UpdateExpression : Node {
  UpdateExpression() : Node(NodeKind::kUpdateExpression) {}
  Op op = Op::kInc;
  bool prefix = false;
  Node* argument = nullptr;
};

struct BinaryExpression : Node {
  explicit BinaryExpression(NodeKind k = NodeKind::kBinaryExpression) : Node(k) {}
  Op op = Op::kAdd;
  Node* left = nullptr;
  Node* right = nullptr;
};

struct AssignmentExpression : Node {
  AssignmentExpression() : Node(NodeKind::kAssignmentExpression) {}
  Op op = Op::kAssign;     // kAssign or the compound operator (kAdd for +=, kAnd for &&=, ...)
  Node* target = nullptr;  // Identifier, MemberExpression, or a pattern (op == kAssign)
  Node* value = nullptr;
};

struct ConditionalExpression : Node {
  ConditionalExpression() : Node(NodeKind::kConditionalExpression) {}
  Node* test = nullptr;
  Node* consequent = nullptr;
  Node* alternate = nullptr;
};

struct CallExpression : Node {
  explicit CallExpression(NodeKind k = NodeKind::kCallExpression) : Node(k) {}
  Node* callee = nullptr;
  NodeList arguments;     // SpreadElement allowed
  bool optional = false;  // callee?.()
  // `eval(...)` (the callee the identifier eval, no spread): a direct eval
  // when eval is %eval% at run time (19.2.1.1); the scopes it sees keep
  // their bindings in environments.
  bool direct_eval = false;
};

struct MemberExpression : Node {
  MemberExpression() : Node(NodeKind::kMemberExpression) {}
  Node* object = nullptr;    // may be Super
  Node* property = nullptr;  // Identifier when !computed
  bool computed = false;
  bool optional = false;    // object?.property
  bool is_private = false;  // object.#x: property is the Identifier "#x", computed set
};

struct ChainExpression : Node {
  ChainExpression() : Node(NodeKind::kChainExpression) {}
  Node* expression = nullptr;  // the optional chain; short-circuits to undefined
};

struct SequenceExpression : Node {
  SequenceExpression() : Node(NodeKind::kSequenceExpression) {}
  NodeList expressions;
};

struct SpreadElement : Node {
  SpreadElement() : Node(NodeKind::kSpreadElement) {}
  Node* argument = nullptr;
};

// Patterns

struct ObjectPattern : Node {
  ObjectPattern() : Node(NodeKind::kObjectPattern) {}
  std::vector<Property> properties;  // value is a pattern; `spread` holds the rest target
};

struct ArrayPattern : Node {
  ArrayPattern() : Node(NodeKind::kArrayPattern) {}
  NodeList elements;  // patterns, nullptr = hole, RestElement last
};

struct AssignmentPattern : Node {
  AssignmentPattern() : Node(NodeKind::kAssignmentPattern) {}
  Node* target = nullptr;
  Node* value = nullptr;  // default
};

struct RestElement : Node {
  RestElement() : Node(NodeKind::kRestElement) {}
  Node* argument = nullptr;
};

// Statements

struct Program : Node {
  Program() : Node(NodeKind::kProgram) {}
  NodeList body;
  bool is_module = false;
  bool has_top_level_await = false;  // a module whose body awaits (16.2.1.6 [[HasTLA]])
};

struct ImportCall : Node {
  ImportCall() : Node(NodeKind::kImportCall) {}
  Node* specifier = nullptr;
};

// import d, * as ns, { a, b as c, "s" as e } from "m";  import "m";
struct ImportSpecifier {
  std::u16string imported;  // the export name asked for ("default" for d)
  Identifier* local = nullptr;
};
struct ImportDeclaration : Node {
  ImportDeclaration() : Node(NodeKind::kImportDeclaration) {}
  std::u16string module;                  // the specifier
  Identifier* namespace_local = nullptr;  // import * as ns
  std::vector<ImportSpecifier> specifiers;
};

// export declaration | export default ... | export { a as b } [from "m"] |
// export * [as ns] from "m"
struct ExportSpecifier {
  std::u16string local;     // the local name, or the imported name with `from`
  std::u16string exported;  // the export name
  Pos pos;
};
struct ExportDeclaration : Node {
  ExportDeclaration() : Node(NodeKind::kExportDeclaration) {}
  enum class Kind : std::uint8_t { kDeclaration, kDefault, kNamed, kStar };
  Kind export_kind = Kind::kNamed;
  // kDeclaration: a var/let/const/function/class declaration; kDefault: a
  // function or class declaration (maybe anonymous) or an expression.
  Node* declaration = nullptr;
  bool default_is_expression = false;
  std::vector<ExportSpecifier> specifiers;  // kNamed
  bool has_from = false;
  std::u16string module;     // with `from`
  bool star_as = false;      // export * as ns from "m"
  std::u16string star_name;  // ns
};

enum class DeclKind : std::uint8_t { kVar, kLet, kConst };

struct VariableDeclarator {
  Node* id = nullptr;  // pattern
  Node* init = nullptr;
  Pos pos;
};

struct VariableDeclaration : Node {
  VariableDeclaration() : Node(NodeKind::kVariableDeclaration) {}
  DeclKind decl_kind = DeclKind::kVar;
  std::vector<VariableDeclarator> declarations;
};

struct ExpressionStatement : Node {
  ExpressionStatement() : Node(NodeKind::kExpressionStatement) {}
  Node* expression = nullptr;
};

struct BlockStatement : Node {
  BlockStatement() : Node(NodeKind::kBlockStatement) {}
  NodeList body;
};

struct IfStatement : Node {
  IfStatement() : Node(NodeKind::kIfStatement) {}
  Node* test = nullptr;
  Node* consequent = nullptr;
  Node* alternate = nullptr;
};

struct ForStatement : Node {
  ForStatement() : Node(NodeKind::kForStatement) {}
  Node* init = nullptr;  // VariableDeclaration or expression
  Node* test = nullptr;
  Node* update = nullptr;
  Node* body = nullptr;
};

struct ForInOfStatement : Node {
  explicit ForInOfStatement(NodeKind k) : Node(k) {}
  Node* left = nullptr;  // VariableDeclaration (one declarator, no init) or a target/pattern
  Node* right = nullptr;
  Node* body = nullptr;
  bool is_await = false;  // for await (x of y)
};

struct WhileStatement : Node {
  explicit WhileStatement(NodeKind k) : Node(k) {}  // while and do-while
  Node* test = nullptr;
  Node* body = nullptr;
};

struct ReturnStatement : Node {
  ReturnStatement() : Node(NodeKind::kReturnStatement) {}
  Node* argument = nullptr;
};

struct JumpStatement : Node {
  explicit JumpStatement(NodeKind k) : Node(k) {}  // break and continue
  Identifier* label = nullptr;
};

struct ThrowStatement : Node {
  ThrowStatement() : Node(NodeKind::kThrowStatement) {}
  Node* argument = nullptr;
};

struct TryStatement : Node {
  TryStatement() : Node(NodeKind::kTryStatement) {}
  BlockStatement* block = nullptr;
  Node* param = nullptr;              // catch binding pattern, nullptr for `catch {`
  BlockStatement* handler = nullptr;  // nullptr when there is no catch
  BlockStatement* finalizer = nullptr;
};

struct SwitchCase {
  Node* test = nullptr;  // nullptr for default
  NodeList consequent;
  Pos pos;
};

struct SwitchStatement : Node {
  SwitchStatement() : Node(NodeKind::kSwitchStatement) {}
  Node* discriminant = nullptr;
  std::vector<SwitchCase> cases;
};

struct LabeledStatement : Node {
  LabeledStatement() : Node(NodeKind::kLabeledStatement) {}
  Identifier* label = nullptr;
  Node* body = nullptr;
};

struct SimpleNode : Node {  // this, super, new.target, empty, debugger, null
  explicit SimpleNode(NodeKind k) : Node(k) {}
};

// Owns every node of one parse.
class Ast {
 public:
  template <typename T, typename... Args>
  T* make(Pos pos, Args&&... args) {
    auto node = std::make_unique<T>(std::forward<Args>(args)...);
    T* raw = node.get();
    raw->pos = pos;
    nodes_.push_back(std::move(node));
    return raw;
  }

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
};

}  // namespace kite::parser
