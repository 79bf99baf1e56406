from __future__ import annotations

import kg


def test_all_is_honest() -> None:
    assert len(set(kg.__all__)) == len(kg.__all__)
    for name in kg.__all__:
        assert hasattr(kg, name), name
    public = {n for n in dir(kg) if not n.startswith("_") and not isinstance(getattr(kg, n), type(kg))}
    assert public - set(kg.__all__) == {"annotations"}
