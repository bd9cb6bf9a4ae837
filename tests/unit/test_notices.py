from aiguillage.dispatch.notices import SUICIDE_PREVENTION, notice_text
from aiguillage.shared.decision import Routing
from aiguillage.shared.vocabulary import Destination


def test_notice_tells_each_destination_and_3114_for_endangerment() -> None:
    routing = Routing(destinations=(Destination.ANALYSTS, Destination.POLICE), reasons=())
    text = notice_text(routing, endangerment=False)
    assert "PHAROS" in text
    assert "police nationale" in text
    assert SUICIDE_PREVENTION not in text
    closed = notice_text(Routing(destinations=(Destination.CLOSED,), reasons=()), endangerment=True)
    assert "Aucun service" in closed
    assert "3114" in closed
