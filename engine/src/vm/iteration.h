// Iteration helpers of the interpreter loop (vm/iteration.cpp): GetIterator
// and for-in. The iterator protocol itself is VM::open_iterator,
// VM::iterator_step and VM::iterator_close (vm/vm.h).
#pragma once

#include <cstdint>
#include <string>

#include "objects/object.h"
#include "objects/value.h"
#include "vm/vm.h"

namespace kite::vm {

// GetIterator (7.4.2), with the array fast path: when the array iterator is
// unmodified, the register holds the ArrayIterator itself and IterNext
// steps it without allocating result objects.
Value get_iterator(VM& vm, Value iterable, const std::string& name = std::string());
// GetIteratorFromMethod (7.4.3): the iterator `method` returns for `obj`.
Value get_iterator_from_method(VM& vm, Value obj, Value method);
// Collects the keys for `for (k in obj)`: enumerable string keys along the
// prototype chain, each once (ECMA-262 14.7.5.9).
Value for_in_prepare(VM& vm, Value v);

// The next key of a for-in loop, skipping keys deleted since for_in_prepare;
// false when there are none left. Inline: the loop runs it once per
// iteration.
inline bool for_in_next(VM& vm, Value iter, Value* out) {
  Object* it = iter.as_object();
  std::uint32_t n = it->element_count();
  if (n == 0) return false;
  Value target = it->elements()[n - 1];
  for (;;) {
    auto i = static_cast<std::uint32_t>(it->internal().as_int32());
    if (i + 1 >= n) return false;
    it->set_internal(Value::int32(static_cast<std::int32_t>(i + 1)));
    Value key = it->elements()[i];
    Rooted rk(vm, key);
    if (vm.has_property(target.as_object(), vm.to_property_key(key))) {
      *out = rk.get();
      return true;
    }
    it = iter.as_object();
  }
}

}  // namespace kite::vm
