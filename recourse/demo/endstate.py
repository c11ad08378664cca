"""Each case's end state, from the facts the services published about it."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from recourse.demo.ledger import Published

FINAL = (
    "returned_to_collection",
    "returned_recover_principal",
    "rejected_by_court",
    "withdrawn_unpaid",
    "judged",
)


@dataclass
class CaseFacts:
    opened: int = 0
    decision: str | None = None
    revision: int = 0
    docketed: list[str] = field(default_factory=list)
    rejected: int = 0
    withdrawn: bool = False
    judged: int = 0

    def state(self) -> str:
        if self.decision in ("return_to_collection", "return_recover_principal"):
            return self.decision.replace("return_", "returned_")
        if self.decision is None:
            return "undecided"
        if self.rejected:
            return "rejected_by_court"
        if self.withdrawn:
            return "withdrawn_unpaid"
        if self.judged:
            return "judged"
        return "docketed_awaiting_judgment" if self.docketed else "filing_in_progress"

    def contradictions(self) -> list[str]:
        found = []
        if self.opened != 1:
            found.append(f"opened {self.opened} times")
        if len(self.docketed) > 1:
            found.append(f"docketed {len(self.docketed)} times")
        if self.docketed and self.rejected:
            found.append("both docketed and rejected")
        returned = self.decision not in (None, "file_suit")
        if returned and (self.docketed or self.rejected or self.judged):
            found.append("returned to collection yet filed")
        if self.judged > 1:
            found.append(f"judged {self.judged} times")
        return found


def case_facts(rows: list[Published]) -> dict[tuple[str, str], CaseFacts]:
    facts: dict[tuple[str, str], CaseFacts] = defaultdict(CaseFacts)
    withdrawn_batches, batch_cases = set(), {}
    for row in rows:
        if row.topic.startswith("dlq."):
            continue
        body = row.body()
        key = (body.get("plaintiff_id", ""), body.get("case_id", ""))
        if row.name == "CaseOpened":
            facts[key].opened += 1
        elif row.name == "CaseTriaged" and int(body["revision"]) >= facts[key].revision:
            facts[key].decision, facts[key].revision = (
                body["decision"],
                body["revision"],
            )
        elif row.name == "CaseDocketed":
            facts[key].docketed.append(body["docket_number"])
        elif row.name == "CaseRejected":
            facts[key].rejected += 1
        elif row.name == "PlatformNotice" and body.get("kind") == "judgment":
            facts[key].judged += 1
        elif row.name == "BatchWithdrawn":
            withdrawn_batches.add(body["batch_id"])
        elif row.name == "BatchSealed":
            batch_cases[body["batch_id"]] = (body["plaintiff_id"], body["case_ids"])
    for batch_id in withdrawn_batches:
        plaintiff, cases = batch_cases.get(batch_id, ("", []))
        for case_id in cases:
            facts[(plaintiff, case_id)].withdrawn = True
    return dict(facts)


def state_counts(facts: dict[tuple[str, str], CaseFacts]) -> Counter[str]:
    return Counter(f.state() for f in facts.values())
