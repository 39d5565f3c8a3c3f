// The interpreter's inline-cache slow paths: a property load or store that
// missed its site's cache does the generic [[Get]]/[[Set]] and records in
// the cache what a later hit can reuse (vm/inline_cache.h says what an entry
// holds).
#include "vm/inline_cache.h"

#include <kite/perf_flags.h>

#include <cstdint>

#include "objects/object.h"
#include "objects/shape.h"
#include "vm/vm.h"

namespace kite::vm {

namespace {

void ic_insert(InlineCache& ic, const ICEntry& e) {
  for (int i = InlineCache::kEntries - 1; i > 0; --i) ic.entries[i] = ic.entries[i - 1];
  ic.entries[0] = e;
}

bool ic_full(const InlineCache& ic) {
  return ic.entries[InlineCache::kEntries - 1].shape != nullptr;
}

// Records how `key` was found for a receiver of shape `s`; returns false
// when the lookup cannot be cached.
void ic_record_load(VM& vm, InlineCache& ic, Object* o, PropertyKey key) {
#if KITE_OPT_INLINE_CACHE
  if (ic.megamorphic) {
    if (++ic.mega_misses < InlineCache::kRecoverAfter) return;
    ic = InlineCache();
  }
  Shape* s = o->shape();
  if (s->is_dictionary() || key.is_index()) return;
  if (o->is_array() && key.is_atom() && key.as_atom() == vm.atoms().length) return;
  if (o->klass() == ObjectClass::kString) return;
  ICEntry e;
  e.shape = s;
  std::uint8_t attrs;
  std::int32_t slot = s->lookup(key, &attrs);
  if (slot < 0) {
    Object* p1 = s->proto();
    if (p1 == nullptr || p1->shape()->is_dictionary() || p1->klass() == ObjectClass::kString)
      return;
    slot = p1->shape()->lookup(key, &attrs);
    if (slot >= 0) {
      e.holder = p1;
      e.holder_shape = p1->shape();
    } else {
      Object* p2 = p1->proto();
      if (p2 == nullptr || p2->shape()->is_dictionary()) return;
      slot = p2->shape()->lookup(key, &attrs);
      if (slot < 0) return;
      e.holder = p2;
      e.holder_shape = p2->shape();
      e.mid_shape = p1->shape();
    }
  }
  // Accessors are not cached: the fast paths read plain data slots only.
  if (attrs & attr::kAccessor) return;
  e.slot = static_cast<std::uint32_t>(slot);
  if (ic_full(ic)) {
    ic.megamorphic = true;
    ic.mega_misses = 0;
    return;
  }
  ic_insert(ic, e);
#else
  (void)vm;
  (void)ic;
  (void)o;
  (void)key;
#endif
}

}  // namespace

Value get_prop_slow(VM& vm, Value obj, PropertyKey key, InlineCache& ic) {
  vm.counters().ic_misses++;
  if (obj.is_object()) {
    ic_record_load(vm, ic, obj.as_object(), key);
    return vm.get(obj.as_object(), key, obj);
  }
  return vm.get_value(obj, key);
}

// Stores with caching of existing-slot writes and add-property transitions.
void set_prop_slow(VM& vm, Value obj, PropertyKey key, Value v, InlineCache& ic, bool define) {
  vm.counters().ic_misses++;
  if (!obj.is_object()) {
    vm.set_value(obj, key, v);
    return;
  }
  Object* o = obj.as_object();
  Shape* before = o->shape();
#if KITE_OPT_INLINE_CACHE
  bool cacheable = !before->is_dictionary() && !key.is_index() && !ic.megamorphic &&
                   !(o->is_array() && key.is_atom() && key.as_atom() == vm.atoms().length);
  if (cacheable) {
    std::uint8_t attrs;
    std::int32_t slot = before->lookup(key, &attrs);
    if (slot >= 0) {
      if ((attrs & (attr::kWritable | attr::kAccessor)) == attr::kWritable) {
        if (ic_full(ic)) {
          ic.megamorphic = true;
        } else {
          ICEntry e;
          e.shape = before;
          e.slot = static_cast<std::uint32_t>(slot);
          ic_insert(ic, e);
        }
        o->set_slot(static_cast<std::uint32_t>(slot), v);
        return;
      }
    } else if (o->is_extensible()) {
      bool proto_clear = true;
      if (!define) {
        for (Object* p = before->proto(); p != nullptr; p = p->proto()) {
          if (p->is_proxy()) {  // its [[Set]] trap decides
            proto_clear = false;
            break;
          }
          if (p->shape()->is_dictionary() ? p->dict()->find(key) != nullptr
                                          : p->shape()->lookup(key, &attrs) >= 0) {
            proto_clear = false;
            break;
          }
        }
      }
      if (proto_clear) {
        Rooted ro(vm, obj);
        Rooted rb(vm, Value::cell(before));
        vm.add_property(o, key, v, attr::kDefault);
        Object* after_obj = ro.object();
        Shape* after = after_obj->shape();
        if (!after->is_dictionary() && after->parent() == rb.get().as_cell()) {
          if (ic_full(ic)) {
            ic.megamorphic = true;
          } else {
            ICEntry e;
            e.shape = static_cast<Shape*>(rb.get().as_cell());
            e.new_shape = after;
            e.slot = after->property_count() - 1;
            ic_insert(ic, e);
          }
        }
        return;
      }
    }
  } else if (ic.megamorphic && ++ic.mega_misses >= InlineCache::kRecoverAfter) {
    ic = InlineCache();
  }
#else
  (void)ic;
  (void)before;
#endif
  if (define) {
    vm.create_data_property(o, key, v);
  } else {
    vm.set(o, key, v, obj);
  }
}

}  // namespace kite::vm
