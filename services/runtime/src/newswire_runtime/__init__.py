"""Plumbing shared by the Newswire services: settings, delivery policy and transports."""

from newswire_runtime.delivery import Delivery, Outgoing, Publisher, Step, StepRunner
from newswire_runtime.errors import PermanentError, TransientError
from newswire_runtime.policy import RetryPolicy
from newswire_runtime.producer import Producer
from newswire_runtime.settings import ServiceSettings

__all__ = [
    "Delivery",
    "Outgoing",
    "PermanentError",
    "Producer",
    "Publisher",
    "RetryPolicy",
    "ServiceSettings",
    "Step",
    "StepRunner",
    "TransientError",
]
