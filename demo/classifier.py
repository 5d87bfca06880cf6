"""Entropy Lens demo: hover over an array, click a code lens, or select two
arrays and run "Entropy Lens: Compute cross-entropy" from the command palette."""
import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import log_loss

# A one-hot label and a predicted distribution (three classes).
y_true = [0, 1, 0]
y_pred = np.array([0.2, 0.7, 0.1])
loss = log_loss(y_true, y_pred)  # 0.357 nats = -ln 0.7

# Soft targets against a confident, wrong prediction: KL is large.
p = [0.5, 0.3, 0.2]
q = [0.05, 0.05, 0.9]

# PyTorch takes logits, prediction FIRST: F.cross_entropy(input, target).
logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]])
labels = torch.tensor([0, 2])
ce = F.cross_entropy(logits, labels)

# Binary cross-entropy from logits: the gradient is sigmoid(z) - y.
z = torch.tensor([1.5, -0.3, 4.0])
y = torch.tensor([1.0, 0.0, 1.0])
bce = F.binary_cross_entropy_with_logits(z, y)

# A probability vector that does not sum to 1 (0.98): a warning with a quick fix.
probs = [0.5, 0.28, 0.2]
