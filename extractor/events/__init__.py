"""Events stage: natasha morphology + syntax on the sentences that hold a trigger
word, each parse turned into events (reception, report, instruction, visit,
meeting, call) whose roles point at the document's people and posts."""
