// Package treecodec writes a tree of Go values (structs, pointers,
// slices, maps, strings, numbers, booleans) as bytes and reads it back
// exactly: a nil pointer stays nil and a pointer to zero stays a pointer
// to zero, a nil slice or map stays nil and an empty one stays empty.
// encoding/gob, which does neither, turned a number band "up to 0" into
// "the rest" and a bound of 0% into no bound.
//
// Exported struct fields are written in declaration order; unexported
// ones are left out (the reader rebuilds what they derive from). A type
// that implements encoding.BinaryMarshaler and BinaryUnmarshaler writes
// itself. Values must form a tree: a cycle never ends. Interfaces,
// channels and functions are refused. The format has no type
// information: what is read must be read into the type that was written.
package treecodec

import (
	"encoding"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sync"
)

// Marshal writes v, a pointer to the root of a tree.
func Marshal(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return nil, errors.New("treecodec: Marshal needs a non-nil pointer")
	}
	c, err := codecOf(rv.Type().Elem())
	if err != nil {
		return nil, err
	}
	e := &encoder{}
	if err := c.enc(e, rv.Elem()); err != nil {
		return nil, err
	}
	return e.b, nil
}

// Unmarshal reads b into v, a pointer to a value of the type written.
func Unmarshal(b []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return errors.New("treecodec: Unmarshal needs a non-nil pointer")
	}
	c, err := codecOf(rv.Type().Elem())
	if err != nil {
		return err
	}
	d := &decoder{s: string(b)}
	if err := c.dec(d, rv.Elem()); err != nil {
		return err
	}
	if len(d.s) != 0 {
		return errors.New("treecodec: trailing bytes")
	}
	return nil
}

type encoder struct{ b []byte }

func (e *encoder) uint(u uint64) { e.b = binary.AppendUvarint(e.b, u) }
func (e *encoder) int(i int64)   { e.b = binary.AppendVarint(e.b, i) }
func (e *encoder) bytes(p []byte) {
	e.uint(uint64(len(p)))
	e.b = append(e.b, p...)
}

var errShort = errors.New("treecodec: input cut short")

// decoder reads from a string, so that every string it reads is a part
// of it, not a copy of its own.
type decoder struct{ s string }

func (d *decoder) uint() (uint64, error) {
	var u uint64
	for i := 0; i < len(d.s) && i < binary.MaxVarintLen64; i++ {
		c := d.s[i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				return 0, errors.New("treecodec: number overflows 64 bits")
			}
			d.s = d.s[i+1:]
			return u | uint64(c)<<(7*i), nil
		}
		u |= uint64(c&0x7f) << (7 * i)
	}
	return 0, errShort
}

// int reads a zig-zag varint, as binary.AppendVarint writes it.
func (d *decoder) int() (int64, error) {
	u, err := d.uint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x, err
}

// length reads a count of items each at least one byte long, so that a
// damaged count cannot ask for more memory than the input could fill.
func (d *decoder) length() (int, error) {
	n, err := d.uint()
	if err != nil {
		return 0, err
	}
	if n > uint64(len(d.s)) {
		return 0, errShort
	}
	return int(n), nil
}

func (d *decoder) str() (string, error) {
	n, err := d.length()
	if err != nil {
		return "", err
	}
	p := d.s[:n]
	d.s = d.s[n:]
	return p, nil
}

// flag reads a presence byte: 0 nil, 1 present.
func (d *decoder) flag() (bool, error) {
	if len(d.s) == 0 {
		return false, errShort
	}
	f := d.s[0]
	d.s = d.s[1:]
	if f > 1 {
		return false, errors.New("treecodec: bad presence byte")
	}
	return f == 1, nil
}

// codec writes and reads values of one type.
type codec struct {
	enc func(*encoder, reflect.Value) error
	dec func(*decoder, reflect.Value) error
}

var (
	mu     sync.Mutex
	codecs = map[reflect.Type]*codec{}
)

var (
	marshalerType   = reflect.TypeFor[encoding.BinaryMarshaler]()
	unmarshalerType = reflect.TypeFor[encoding.BinaryUnmarshaler]()
)

// codecOf returns the codec for t, building it once.
func codecOf(t reflect.Type) (*codec, error) {
	mu.Lock()
	defer mu.Unlock()
	return codecLocked(t)
}

// codecLocked is codecOf with mu held. A recursive type finds its own
// codec, still being built, in the map: the functions that call it run
// only once it is finished.
func codecLocked(t reflect.Type) (*codec, error) {
	if c, ok := codecs[t]; ok {
		return c, nil
	}
	c := &codec{}
	codecs[t] = c
	if err := build(c, t); err != nil {
		delete(codecs, t)
		return nil, err
	}
	return c, nil
}

// writesItself reports whether t writes its own bytes.
func writesItself(t reflect.Type) bool {
	return t.Kind() == reflect.Pointer && t.Implements(marshalerType) && t.Implements(unmarshalerType)
}

func build(c *codec, t reflect.Type) error {
	if writesItself(t) {
		return buildMarshaler(c, t)
	}
	switch t.Kind() {
	case reflect.Bool:
		c.enc = func(e *encoder, v reflect.Value) error {
			if v.Bool() {
				e.b = append(e.b, 1)
			} else {
				e.b = append(e.b, 0)
			}
			return nil
		}
		c.dec = func(d *decoder, v reflect.Value) error {
			f, err := d.flag()
			v.SetBool(f)
			return err
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		c.enc = func(e *encoder, v reflect.Value) error { e.int(v.Int()); return nil }
		c.dec = func(d *decoder, v reflect.Value) error {
			i, err := d.int()
			if err == nil && v.OverflowInt(i) {
				err = fmt.Errorf("treecodec: %d overflows %s", i, v.Type())
			}
			v.SetInt(i)
			return err
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		c.enc = func(e *encoder, v reflect.Value) error { e.uint(v.Uint()); return nil }
		c.dec = func(d *decoder, v reflect.Value) error {
			u, err := d.uint()
			if err == nil && v.OverflowUint(u) {
				err = fmt.Errorf("treecodec: %d overflows %s", u, v.Type())
			}
			v.SetUint(u)
			return err
		}
	case reflect.Float32, reflect.Float64:
		c.enc = func(e *encoder, v reflect.Value) error { e.uint(math.Float64bits(v.Float())); return nil }
		c.dec = func(d *decoder, v reflect.Value) error {
			u, err := d.uint()
			v.SetFloat(math.Float64frombits(u))
			return err
		}
	case reflect.String:
		c.enc = func(e *encoder, v reflect.Value) error {
			e.uint(uint64(v.Len()))
			e.b = append(e.b, v.String()...)
			return nil
		}
		c.dec = func(d *decoder, v reflect.Value) error {
			p, err := d.str()
			v.SetString(p)
			return err
		}
	case reflect.Pointer:
		return buildPointer(c, t)
	case reflect.Slice:
		return buildSlice(c, t)
	case reflect.Array:
		return buildArray(c, t)
	case reflect.Map:
		return buildMap(c, t)
	case reflect.Struct:
		return buildStruct(c, t)
	default:
		return fmt.Errorf("treecodec: cannot write %s", t)
	}
	return nil
}

// nullable makes c the codec of a type that can be nil (a pointer, slice
// or map): a presence byte, then, when not nil, what enc writes of it.
func nullable(c *codec, enc func(*encoder, reflect.Value) error, dec func(*decoder, reflect.Value) error) {
	c.enc = func(e *encoder, v reflect.Value) error {
		if v.IsNil() {
			e.b = append(e.b, 0)
			return nil
		}
		e.b = append(e.b, 1)
		return enc(e, v)
	}
	c.dec = func(d *decoder, v reflect.Value) error {
		present, err := d.flag()
		if err != nil || !present {
			v.SetZero()
			return err
		}
		return dec(d, v)
	}
}

// buildMarshaler writes a pointer whose type writes itself: presence,
// then its bytes.
func buildMarshaler(c *codec, t reflect.Type) error {
	nullable(c, func(e *encoder, v reflect.Value) error {
		p, err := v.Interface().(encoding.BinaryMarshaler).MarshalBinary()
		if err != nil {
			return err
		}
		e.bytes(p)
		return nil
	}, func(d *decoder, v reflect.Value) error {
		p, err := d.str()
		if err != nil {
			return err
		}
		n := reflect.New(t.Elem())
		if err := n.Interface().(encoding.BinaryUnmarshaler).UnmarshalBinary([]byte(p)); err != nil {
			return err
		}
		v.Set(n)
		return nil
	})
	return nil
}

func buildPointer(c *codec, t reflect.Type) error {
	elem, err := codecLocked(t.Elem())
	if err != nil {
		return err
	}
	nullable(c, func(e *encoder, v reflect.Value) error {
		return elem.enc(e, v.Elem())
	}, func(d *decoder, v reflect.Value) error {
		n := reflect.New(t.Elem())
		if err := elem.dec(d, n.Elem()); err != nil {
			return err
		}
		v.Set(n)
		return nil
	})
	return nil
}

// buildSlice writes presence, length and the elements. The elements of
// a slice of pointers are read into one array, not allocated one by one.
func buildSlice(c *codec, t reflect.Type) error {
	elem, err := codecLocked(t.Elem())
	if err != nil {
		return err
	}
	elems := func(d *decoder, s reflect.Value) error {
		for i := range s.Len() {
			if err := elem.dec(d, s.Index(i)); err != nil {
				return err
			}
		}
		return nil
	}
	if pt := t.Elem(); pt.Kind() == reflect.Pointer && !writesItself(pt) {
		target, err := codecLocked(pt.Elem())
		if err != nil {
			return err
		}
		elems = func(d *decoder, s reflect.Value) error {
			backing := reflect.MakeSlice(reflect.SliceOf(pt.Elem()), s.Len(), s.Len())
			for i := range s.Len() {
				present, err := d.flag()
				if err != nil {
					return err
				}
				if !present {
					continue
				}
				if err := target.dec(d, backing.Index(i)); err != nil {
					return err
				}
				s.Index(i).Set(backing.Index(i).Addr())
			}
			return nil
		}
	}
	nullable(c, func(e *encoder, v reflect.Value) error {
		e.uint(uint64(v.Len()))
		for i := range v.Len() {
			if err := elem.enc(e, v.Index(i)); err != nil {
				return err
			}
		}
		return nil
	}, func(d *decoder, v reflect.Value) error {
		n, err := d.length()
		if err != nil {
			return err
		}
		s := reflect.MakeSlice(t, n, n)
		if err := elems(d, s); err != nil {
			return err
		}
		v.Set(s)
		return nil
	})
	return nil
}

func buildArray(c *codec, t reflect.Type) error {
	elem, err := codecLocked(t.Elem())
	if err != nil {
		return err
	}
	c.enc = func(e *encoder, v reflect.Value) error {
		for i := range v.Len() {
			if err := elem.enc(e, v.Index(i)); err != nil {
				return err
			}
		}
		return nil
	}
	c.dec = func(d *decoder, v reflect.Value) error {
		for i := range v.Len() {
			if err := elem.dec(d, v.Index(i)); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}

// buildMap writes presence, length and the pairs, in the map's order: the
// bytes may differ between two writes of one map, the map read never does.
func buildMap(c *codec, t reflect.Type) error {
	key, err := codecLocked(t.Key())
	if err != nil {
		return err
	}
	val, err := codecLocked(t.Elem())
	if err != nil {
		return err
	}
	nullable(c, func(e *encoder, v reflect.Value) error {
		e.uint(uint64(v.Len()))
		for it := v.MapRange(); it.Next(); {
			if err := key.enc(e, it.Key()); err != nil {
				return err
			}
			if err := val.enc(e, it.Value()); err != nil {
				return err
			}
		}
		return nil
	}, func(d *decoder, v reflect.Value) error {
		n, err := d.length()
		if err != nil {
			return err
		}
		m := reflect.MakeMapWithSize(t, n)
		k, x := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
		for range n {
			k.SetZero()
			x.SetZero()
			if err := key.dec(d, k); err != nil {
				return err
			}
			if err := val.dec(d, x); err != nil {
				return err
			}
			m.SetMapIndex(k, x)
		}
		v.Set(m)
		return nil
	})
	return nil
}

// buildStruct writes the exported fields in order.
func buildStruct(c *codec, t reflect.Type) error {
	type field struct {
		index int
		c     *codec
	}
	var fields []field
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		fc, err := codecLocked(f.Type)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", t, f.Name, err)
		}
		fields = append(fields, field{i, fc})
	}
	c.enc = func(e *encoder, v reflect.Value) error {
		for _, f := range fields {
			if err := f.c.enc(e, v.Field(f.index)); err != nil {
				return err
			}
		}
		return nil
	}
	c.dec = func(d *decoder, v reflect.Value) error {
		for _, f := range fields {
			if err := f.c.dec(d, v.Field(f.index)); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}
